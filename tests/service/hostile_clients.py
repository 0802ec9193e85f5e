#!/usr/bin/env python3
"""Clients that misbehave at the HTTP level: each gets a clear refusal, nothing is applied, and
the service stays up and serves others (docs/RELIABILITY.md, the bad-input matrix).

  - a body over --max-body (with Content-Length, and chunked): 413, nothing logged;
  - request headers over 16 KiB: 431;
  - a request line that is not HTTP, a Content-Length that is not a number, a broken chunk: 400;
  - slowloris: 200 connections trickling a header a byte a second are cut off by the request
    deadline (15 s) while another client is served throughout;
  - 10,000 connections at once against --max-connections 2000: the excess is answered 503 "too
    many connections" and closed, and afterwards the service serves normally (this process
    raises its own open-file limit, which the service inherits);
  - more connections than the service has file descriptors (prlimit --nofile=256): it pauses
    accepting rather than spinning on the error (little CPU while exhausted), and serves again
    once they close;
  - a live-stream client that never reads: once more than --stream-backlog is queued for it, it
    is dropped, while the clients that read get every delta, in order, with no gap (the frames
    are written on two threads here, --fanout-share-from 2, as for many subscribers);
  - a batch of 300 declarations in one POST: each stream gets its 300 deltas in order (written
    64 frames a call until the socket is full, the rest as the client takes them).

Usage: hostile_clients.py PSEPHOS_BINARY
Standard library only.
"""
import json
import os
import resource
import select
import socket
import sys
import tempfile
import time

from psephos_service import DemoNight, EventReader, Server, check, fail


def exchange(port, data, timeout=10):
    """Sends raw bytes and reads until the service closes or stops sending."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
    except OSError:
        pass  # the service may close before reading it all (it answered already)
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
            if b"\r\n\r\n" in out and b"Connection: close" not in out and b"connection: close" not in out:
                head, _, body = out.partition(b"\r\n\r\n")
                length = [int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")]
                if length and len(body) >= length[0]:
                    break
    except OSError:
        pass
    s.close()
    return out.decode(errors="replace")


def status_of(response):
    return int(response.split(" ", 2)[1]) if response.startswith("HTTP/1.1 ") else 0


def message_of(response):
    return json.loads(response.partition("\r\n\r\n")[2])["error"]["message"]


def still_up(server, what):
    check(server.request("GET", "/healthz")[0] == 200, "%s: the service is up and serving" % what)


def bad_requests(server, demo):
    seq = server.get_json("/healthz")["seq"]
    auth = "Authorization: %s\r\n" % demo.auth["Authorization"]
    big = b"[" + b" " * (2 << 20) + b"]"
    r = exchange(server.port, ("POST /api/declarations HTTP/1.1\r\nHost: x\r\n%sContent-Type: application/json\r\n"
                               "Content-Length: %d\r\n\r\n" % (auth, len(big))).encode() + big)
    check(status_of(r) == 413 and "larger than 1048576 bytes" in message_of(r), "a 2 MiB body: 413, clear: %s"
          % message_of(r))
    chunked = b"".join(b"%x\r\n%s\r\n" % (64 << 10, b" " * (64 << 10)) for _ in range(20)) + b"0\r\n\r\n"
    r = exchange(server.port, ("POST /api/declarations HTTP/1.1\r\nHost: x\r\n%sContent-Type: application/json\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n" % auth).encode() + chunked)
    check(status_of(r) == 413, "a chunked body over the limit: 413")
    r = exchange(server.port, b"GET /api/parties HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * (20 << 10) + b"\r\n\r\n")
    check(status_of(r) == 431 and "headers are too large" in message_of(r), "20 KiB of headers: 431, clear")
    r = exchange(server.port, b"HELLO THERE\r\n\r\n")
    check(status_of(r) == 400 and "malformed HTTP request" in message_of(r), "not HTTP: 400: %s" % message_of(r))
    r = exchange(server.port, b"POST /api/declarations HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n{}")
    check(status_of(r) == 400, "a Content-Length that is not a number: 400")
    r = exchange(server.port, b"POST /api/declarations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                              b"zz\r\nabc\r\n0\r\n\r\n")
    check(status_of(r) == 400, "a broken chunk: 400")
    check(server.get_json("/healthz")["seq"] == seq, "none of these logged or applied anything")
    still_up(server, "bad requests")


def slowloris(server):
    trickling = [socket.create_connection(("127.0.0.1", server.port), timeout=5) for _ in range(200)]
    start, cut = time.time(), set()
    header = b"GET /api/parties HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100
    served = asked = 0
    for i in range(30):  # a byte a second from each, for up to 30 s
        for n, s in enumerate(trickling):
            if n in cut:
                continue
            try:
                s.sendall(header[i:i + 1] if i < len(header) else b"a")
            except OSError:
                cut.add(n)
        served += server.request("GET", "/api/parties")[0] == 200
        asked += 1
        if len(cut) == len(trickling):
            break
        time.sleep(1)
    elapsed = time.time() - start
    for s in trickling:
        s.close()
    check(len(cut) == 200 and 14 <= elapsed <= 25,
          "slowloris: 200 trickling connections cut off by the 15 s request deadline (all %d after %.0f s)"
          % (len(cut), elapsed))
    check(served == asked, "slowloris: another client was served throughout (%d of %d requests)" % (served, asked))


def ten_thousand(binary, demo, tmp):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard < 10300:
        print("skipping 10,000 connections: the open-file limit is %d" % hard)
        return
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # the service inherits it too
    server = Server(binary, ["--night", demo.setup, "--log", os.path.join(tmp, "many.db"), "--tokens", demo.tokens,
                             "--max-connections", "2000"])
    sockets = []
    for _ in range(10000):
        s = socket.socket()
        s.settimeout(30)
        s.connect(("127.0.0.1", server.port))
        sockets.append(s)
    time.sleep(1)  # every refusal written; the admitted wait for a request (15 s before they are cut)
    poll = select.poll()
    for s in sockets:
        poll.register(s, select.POLLIN)
    answered = {fd for fd, _ in poll.poll(0)}
    refused, other, held = 0, 0, 0
    for s in sockets:
        if s.fileno() not in answered:
            held += 1
        elif b"503 Service Unavailable" in (data := s.recv(4096)) and b"too many connections" in data:
            refused += 1
        else:
            other += 1
    check(held == 2000 and refused == 8000 and other == 0,
          "10,000 connections at once: %d admitted, %d refused with 503 'too many connections'" % (held, refused))
    check(server.request("GET", "/healthz")[0] == 503, "meanwhile a new client is answered at once, 503")
    for s in sockets:
        s.close()
    time.sleep(0.5)
    still_up(server, "after 10,000 connections")
    check(server.request("GET", "/api/parties")[0] == 200, "after 10,000 connections the views are served")
    server.stop()
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def out_of_descriptors(binary, demo, tmp):
    server = Server(binary, ["--night", demo.setup, "--log", os.path.join(tmp, "fds.db"), "--tokens", demo.tokens],
                    wrapper=["prlimit", "--nofile=256"])
    sockets = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(400)]
    time.sleep(0.5)
    before = cpu_seconds(server.proc.pid)
    time.sleep(2)
    used = cpu_seconds(server.proc.pid) - before
    paused = any("pausing new connections" in line for line in server.stderr)
    check(paused and used < 0.5, "out of file descriptors: accepting pauses (said on stderr), %.2f s of CPU in 2 s"
          % used)
    for s in sockets:
        s.close()
    time.sleep(0.5)
    still_up(server, "once the connections close")
    server.stop()


def stream_that_never_reads(binary, demo, tmp):
    server = Server(binary, ["--night", demo.setup, "--log", os.path.join(tmp, "stream.db"), "--tokens", demo.tokens,
                             "--stream-backlog", "16384", "--fanout-share-from", "2"])
    readers = [EventReader(server.port) for _ in range(5)]
    for r in readers:
        r.start()
    check(all(r.ready.wait(10) for r in readers), "five live streams open")
    stuck = socket.socket()
    stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # what the kernel holds for it stays small
    stuck.settimeout(10)
    stuck.connect(("127.0.0.1", server.port))
    stuck.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.3)
    last = 1
    for at in range(0, len(demo.declarations), 100):
        status, _, body = server.request("POST", "/api/declarations", json.dumps(demo.declarations[at:at + 100]),
                                         demo.auth)
        if status != 201:
            fail("a batch of declarations from %d: %d %s" % (at, status, body))
        last = json.loads(body)["last_seq"]
    for r in readers:
        check(r.wait_for(last, timeout=60) and [seq for seq, _ in r.events] == list(range(2, last + 1)),
              "a reading stream gets every delta, 2..%d, in order (%d)" % (last, len(r.events)))
    data, ended = b"", False
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            chunk = stuck.recv(65536)
        except socket.timeout:
            break  # still open, nothing more sent: not dropped
        except ConnectionResetError:
            ended = True
            break
        if not chunk:
            ended = True
            break
        data += chunk
    check(ended and b"id: %d\n" % last not in data,
          "the stream that never read was dropped after %d bytes, before the last delta" % len(data))
    stuck.close()
    still_up(server, "after dropping a stream")
    server.stop()


def big_batch(binary, demo, tmp):
    server = Server(binary, ["--night", demo.setup, "--log", os.path.join(tmp, "batch.db"), "--tokens", demo.tokens,
                             "--fanout-share-from", "2"])
    readers = [EventReader(server.port) for _ in range(3)]
    for r in readers:
        r.start()
    check(all(r.ready.wait(10) for r in readers), "three live streams open")
    status, _, body = server.request("POST", "/api/declarations", json.dumps(demo.declarations[:300]), demo.auth)
    check(status == 201, "a batch of 300 declarations is taken")
    last = json.loads(body)["last_seq"]
    for r in readers:
        check(r.wait_for(last, timeout=60) and [seq for seq, _ in r.events] == list(range(2, last + 1)),
              "a stream gets the batch's %d deltas in order (%d)" % (last - 1, len(r.events)))
    server.stop()


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="psephos-hostile-") as tmp:
        demo = DemoNight(binary, tmp)
        server = Server(binary, ["--night", demo.setup, "--log", os.path.join(tmp, "night.db"), "--tokens", demo.tokens])
        bad_requests(server, demo)
        slowloris(server)
        server.stop()
        ten_thousand(binary, demo, tmp)
        out_of_descriptors(binary, demo, tmp)
        stream_that_never_reads(binary, demo, tmp)
        big_batch(binary, demo, tmp)
    print("hostile clients: all checks passed")


if __name__ == "__main__":
    main()
