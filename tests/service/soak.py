#!/usr/bin/env python3
"""Soak: the live service under mixed load for a while, with its memory watched.

Starts `psephos serve` on a temporary log (the demo night's councils, nothing declared) and,
on loopback for the whole run:
  - readers poll the views a results page polls (/api/night, /api/parties on both baselines,
    /api/councils, /api/headlines), each with the ETag it last got, as fast as they can;
  - live-stream subscribers follow /api/events, each checking that the deltas' ids run on from
    the hello's seq with no gap;
  - writers POST the demo night's declarations with a token at a steady rate, then corrections
    (recounts) of the wards declared, so that writes go on for as long as the run does.
Every few seconds it samples the service's resident memory (/proc/PID/status). At the end it
prints the throughput, the errors and the memory over time, and judges whether the memory is
flat: after a warm-up (the first fifth of the run), the highest sample of the last third must
be within 10% (or 4 MiB) of the highest of the first third.

An error is: a read answered other than 200 or 304, a write other than 201, a connection that
failed or was closed by the service, a live stream that ended, a gap in a stream's ids, or a
subscriber that has not caught up with the last entry at the end. There must be none.

Usage: soak.py PSEPHOS_BINARY [--minutes N | --seconds N] [--subscribers 200] [--readers 4]
                              [--writes-per-second 5]
Exit status: 0 no errors and memory flat; 1 otherwise. scripts/soak runs it on the release build.
Standard library only (asyncio).
"""
import argparse
import asyncio
import json
import os
import sys
import tempfile
import time

from psephos_service import DemoNight, Server

READ_PATHS = ["/api/night", "/api/parties", "/api/parties?baseline=last-fought", "/api/councils",
              "/api/headlines"]
LINE_LIMIT = 1 << 24  # an SSE data line holds a delta with the state of the parties


class Tally:
    def __init__(self):
        self.reads = {200: 0, 304: 0}
        self.writes = 0
        self.events = 0
        self.errors = []

    def error(self, message):
        if len(self.errors) < 20:
            print("soak: error: " + message, file=sys.stderr, flush=True)
        self.errors.append(message)


async def exchange(reader, writer, method, path, headers=None, body=b""):
    """One request on a keep-alive connection: (status, headers, body)."""
    lines = ["%s %s HTTP/1.1" % (method, path), "Host: 127.0.0.1"]
    lines += ["%s: %s" % item for item in (headers or {}).items()]
    if body:
        lines.append("Content-Length: %d" % len(body))
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed by the service")
    status = int(status_line.split()[1])
    response_headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        response_headers[name.strip().lower()] = value.strip()
    length = int(response_headers.get("content-length", "0"))
    data = await reader.readexactly(length) if length else b""
    return status, response_headers, data


async def read_views(port, tally, stop):
    etags = {}
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=LINE_LIMIT)
    try:
        while not stop.is_set():
            for path in READ_PATHS:
                headers = {"If-None-Match": etags[path]} if path in etags else {}
                status, response_headers, _ = await exchange(reader, writer, "GET", path, headers)
                if status in tally.reads:
                    tally.reads[status] += 1
                    etags[path] = response_headers.get("etag", etags.get(path, ""))
                else:
                    tally.error("GET %s: %d" % (path, status))
    except (OSError, ConnectionError, asyncio.IncompleteReadError) as e:
        tally.error("reader: %s" % e)
    finally:
        writer.close()


class Subscriber:
    def __init__(self):
        self.last_id = None

    async def follow(self, port, tally, stop):
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=LINE_LIMIT)
        except OSError as e:
            return tally.error("subscriber could not connect: %s" % e)
        try:
            writer.write(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            status_line = await reader.readline()
            if b" 200 " not in status_line:
                return tally.error("GET /api/events: %r" % status_line)
            while await reader.readline() not in (b"\r\n", b""):
                pass
            event_id, kind, data = None, None, None
            while True:
                line = await reader.readline()
                if not line:
                    if not stop.is_set():
                        tally.error("a live stream was ended by the service at id %s" % self.last_id)
                    return
                line = line.rstrip(b"\n")
                if line.startswith(b"id: "):
                    event_id = int(line[4:])
                elif line.startswith(b"event: "):
                    kind = line[7:]
                elif line.startswith(b"data: "):
                    data = line[6:]
                elif line == b"":
                    if kind == b"hello":
                        self.last_id = json.loads(data)["seq"]
                    elif kind == b"delta":
                        if self.last_id is not None and event_id != self.last_id + 1:
                            tally.error("a gap in a live stream: %s after %s" % (event_id, self.last_id))
                        self.last_id = event_id
                        tally.events += 1
                    event_id, kind, data = None, None, None
        except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError) as e:
            if not stop.is_set():
                tally.error("subscriber: %s" % e)
        finally:
            writer.close()


async def write_declarations(port, declarations, auth, per_second, tally, stop):
    """New declarations first, then corrections of them (a recount with the same figures)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=LINE_LIMIT)
    start, n = time.monotonic(), 0
    try:
        while not stop.is_set():
            route = "/api/declarations" if n < len(declarations) else "/api/corrections"
            body = json.dumps(declarations[n % len(declarations)]).encode()
            status, _, data = await exchange(reader, writer, "POST", route, auth, body)
            if status == 201:
                tally.writes += 1
            else:
                tally.error("POST %s: %d %s" % (route, status, data[:200]))
            n += 1
            await asyncio.sleep(max(0.0, start + n / per_second - time.monotonic()))
    except (OSError, ConnectionError, asyncio.IncompleteReadError) as e:
        tally.error("writer: %s" % e)
    finally:
        writer.close()


def resident_mib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def soak(args, server, declarations, auth):
    tally, stop = Tally(), asyncio.Event()
    subscribers = [Subscriber() for _ in range(args.subscribers)]
    tasks = [asyncio.create_task(s.follow(server.port, tally, stop)) for s in subscribers]
    await asyncio.sleep(1)  # every subscriber has its hello before the first write
    tasks += [asyncio.create_task(read_views(server.port, tally, stop)) for _ in range(args.readers)]
    tasks.append(asyncio.create_task(
        write_declarations(server.port, declarations, auth, args.writes_per_second, tally, stop)))

    interval = min(5.0, max(1.0, args.seconds / 20))
    samples = []  # (seconds since start, MiB)
    start = time.monotonic()
    while time.monotonic() - start < args.seconds:
        samples.append((time.monotonic() - start, resident_mib(server.proc.pid)))
        if len(tally.errors) > 1000:
            break
        await asyncio.sleep(interval)
    elapsed = time.monotonic() - start
    stop.set()
    await asyncio.sleep(2)  # the streams catch up with the last write
    seq = json.loads(server.request("GET", "/healthz")[2])["seq"]
    behind = [s.last_id for s in subscribers if s.last_id != seq]
    if behind:
        tally.error("%d subscribers had not caught up with entry %d (e.g. at %s)" % (len(behind), seq, behind[0]))
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    samples.append((elapsed, resident_mib(server.proc.pid)))
    return tally, samples, elapsed, seq


def judge_memory(samples, seconds):
    """(flat, first-third max, last-third max) over the samples after the warm-up."""
    warm = [mib for t, mib in samples if t >= seconds / 5]
    third = max(1, len(warm) // 3)
    first, last = max(warm[:third]), max(warm[-third:])
    return last <= max(first * 1.10, first + 4), first, last


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--seconds", type=float, help="instead of --minutes, for short runs")
    parser.add_argument("--subscribers", type=int, default=200)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--writes-per-second", type=float, default=5)
    args = parser.parse_args()
    if args.seconds is None:
        args.seconds = args.minutes * 60

    with tempfile.TemporaryDirectory(prefix="psephos-soak-") as tmp:
        demo = DemoNight(args.binary, tmp)
        server = Server(args.binary, ["--night", demo.setup, "--log", os.path.join(tmp, "night.db"),
                                      "--tokens", demo.tokens])
        try:
            tally, samples, elapsed, seq = asyncio.run(soak(args, server, demo.declarations, demo.auth))
        finally:
            server.stop()

    reads = sum(tally.reads.values())
    print("soak: %.0f s on loopback: %d live-stream subscribers, %d readers, writes at %g/s"
          % (elapsed, args.subscribers, args.readers, args.writes_per_second))
    print("  reads:  %d (%.0f/s): %d x 200, %d x 304" % (reads, reads / elapsed, tally.reads[200], tally.reads[304]))
    print("  writes: %d (%.1f/s), the log at entry %d" % (tally.writes, tally.writes / elapsed, seq))
    print("  events delivered: %d (%.0f/s)" % (tally.events, tally.events / elapsed))
    print("  errors: %d" % len(tally.errors))
    step = max(1, len(samples) // 12)
    shown = samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else [])
    print("  resident memory (MiB): " + ", ".join("%.0f s %.1f" % sample for sample in shown))
    flat, first, last = judge_memory(samples, elapsed)
    print("  memory after warm-up: first third at most %.1f MiB, last third at most %.1f MiB: %s"
          % (first, last, "flat" if flat else "GROWING"))
    ok = flat and not tally.errors
    print("soak: " + ("PASS" if ok else "FAIL"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
