#!/usr/bin/env python3
"""Per-client limits over HTTP (server/client_limits.h; docs/API.md, Limits).

One service with small limits applied to loopback too (--limit-loopback --rate-limit 5
--rate-burst 10 --max-connections-per-client 4). Every client here is a loopback address of its
own (127.0.0.2, 127.0.0.3, ...: Linux routes all of 127/8 to the loopback interface), so that
one client's limit is seen not to touch another's. Checks:
  - a burst of 10 requests is served, the 11th is 429 with Retry-After and "applied": false, the
    connection stays open, and after Retry-After seconds the client is served again;
  - a write over the rate is refused and nothing of it is logged;
  - a fifth connection at once is refused with 429 and closed, another client meanwhile is
    served, and once one connection closes a new one is taken;
  - live streams count as connections, not as requests: a client holding streams is sent more
    deltas than its rate would allow requests.
Then a service with the default limits: loopback is exempt, a burst of 500 requests is served.

Usage: client_limits.py PSEPHOS_BINARY
Standard library only.
"""
import http.client
import json
import os
import socket
import sys
import tempfile
import time

from psephos_service import DemoNight, Server, check


class Client:
    """Keep-alive HTTP from a loopback address of its own."""

    def __init__(self, port, address):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(address, 0))

    def request(self, method, path, body=None, headers=None):
        self.conn.request(method, path, body=body, headers=headers or {})
        response = self.conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()


def raw_connection(port, address):
    return socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(address, 0))


def refusal_of(s):
    """What the service sent before closing a refused connection."""
    data = b""
    while True:
        chunk = s.recv(4096)
        if not chunk:
            return data.decode()
        data += chunk


def rate(server, demo):
    client = Client(server.port, "127.0.0.2")
    statuses = [client.request("GET", "/api/parties")[0] for _ in range(10)]
    check(statuses == [200] * 10, "a burst of 10 requests is served")
    status, headers, body = client.request("GET", "/api/parties")
    check(status == 429, "the 11th at once is refused with 429 (%d)" % status)
    wait = int(headers.get("Retry-After", "0"))
    error = json.loads(body)
    check(wait >= 1 and error["applied"] is False and "too many requests from 127.0.0.2" in error["error"]["message"],
          "with Retry-After (%d s) and a clear message: %s" % (wait, error["error"]["message"]))
    seq = server.get_json("/healthz")["seq"]
    status, _, body = client.request("POST", "/api/declarations", json.dumps(demo.declarations[0]), demo.auth)
    check(status == 429 and server.get_json("/healthz")["seq"] == seq, "a write over the rate is refused, nothing logged")
    other = Client(server.port, "127.0.0.3")
    check(other.request("GET", "/api/parties")[0] == 200, "another client is served meanwhile")
    time.sleep(wait)
    check(client.request("GET", "/api/parties")[0] == 200,
          "after Retry-After the client is served again, on the same connection")


def connections(server):
    held = [raw_connection(server.port, "127.0.0.4") for _ in range(4)]
    time.sleep(0.2)
    fifth = raw_connection(server.port, "127.0.0.4")
    answer = refusal_of(fifth)
    check(answer.startswith("HTTP/1.1 429") and "too many connections from 127.0.0.4" in answer
          and "Retry-After: 1" in answer and '"applied":false' in answer,
          "a fifth connection at once is refused with 429 and closed: %s" % answer.splitlines()[-1:])
    check(Client(server.port, "127.0.0.5").request("GET", "/healthz")[0] == 200,
          "another client is served meanwhile")
    held.pop().close()
    time.sleep(0.2)
    again = Client(server.port, "127.0.0.4")
    check(again.request("GET", "/healthz")[0] == 200, "once one connection closes, a new one is taken")
    for s in held:
        s.close()


def streams(server, demo):
    """Streams are connections, not requests: 3 streams, then 30 deltas in one write."""
    readers = []
    for _ in range(3):
        s = raw_connection(server.port, "127.0.0.6")
        s.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n")
        readers.append(s)
    time.sleep(0.3)
    blocked = raw_connection(server.port, "127.0.0.6")
    blocked.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n")
    s = raw_connection(server.port, "127.0.0.6")
    check(refusal_of(s).startswith("HTTP/1.1 429"), "streams count as connections: the fifth is refused")
    blocked.close()
    batch = demo.declarations[1:31]
    status, _, body = Client(server.port, "127.0.0.7").request("POST", "/api/declarations", json.dumps(batch), demo.auth)
    check(status == 201, "a batch of 30 declarations is taken")
    last = json.loads(body)["last_seq"]
    for s in readers:
        data, deadline = b"", time.time() + 10
        s.settimeout(1)
        while ("id: %d\n" % last).encode() not in data and time.time() < deadline:
            try:
                data += s.recv(65536)
            except socket.timeout:
                pass
        check(data.count(b"event: delta") == 30,
              "a stream is sent 30 deltas at once, more than its client's rate allows requests")
        s.close()


def loopback_exempt(binary, demo, log):
    server = Server(binary, ["--night", demo.setup, "--log", log, "--tokens", demo.tokens])
    client = Client(server.port, "127.0.0.1")
    statuses = {client.request("GET", "/api/parties")[0] for _ in range(500)}
    held = [raw_connection(server.port, "127.0.0.1") for _ in range(100)]
    status = client.request("GET", "/healthz")[0]
    check(statuses == {200} and status == 200,
          "by default loopback is exempt: 500 requests at once and 100 connections are served")
    for s in held:
        s.close()
    server.stop()


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="psephos-limits-") as tmp:
        demo = DemoNight(binary, tmp)
        log = os.path.join(tmp, "night.db")
        server = Server(binary, ["--night", demo.setup, "--log", log, "--tokens", demo.tokens, "--limit-loopback",
                                 "--rate-limit", "5", "--rate-burst", "10", "--max-connections-per-client", "4"])
        rate(server, demo)
        connections(server)
        streams(server, demo)
        server.stop()
        loopback_exempt(binary, demo, log)
    print("client limits: all checks passed")


if __name__ == "__main__":
    main()
