#!/usr/bin/env python3
"""live.py: the service benchmarks (scripts/bench serve | fanout).

serve:  `psephos serve` on the 1x night (replayed as fast as possible, then idle), and nginx
        (Debian's, one worker, as Psephos serves from one thread) serving the same bytes of
        GET /api/parties as a static file; wrk (one thread, keep-alive) against each for a
        bounded time; req/s and latency percentiles. The service's peak resident memory is
        read by /usr/bin/time when it is stopped.
fanout: `psephos serve` on the 1x setup with no declarations; bench/sse_fanout.cc opens N SSE
        subscribers and POSTs declarations one at a time: time from the POST to the last
        subscriber's frame, p50 and p99. With --floor (bench/loopback_floor.cc), then the same
        number of bare loopback sends of a frame's bytes on one and on two threads, read by
        another process: what the kernel alone takes on this machine.
Loopback only; every run is bounded in time (--duration, per-declaration timeouts).

Usage: bench/live.py serve  --psephos BIN [--duration 10] [--connections 64] [--markdown FILE]
       bench/live.py fanout --psephos BIN --client BIN [--clients 1000,10000] [--declarations 30] [--markdown FILE]
                            [--serve-arg=--fanout-share-from=0 ...] [--floor BIN [--floor-rounds 30]]
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAME_BYTES = 1500  # about a delta frame of the 1x night (its first ones are 1.4 KB)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def skip_or_fail(message):
    if os.environ.get("CI", "") not in ("", "false", "0"):
        sys.exit(f"bench: {message}, and CI is set")
    print(f"bench: skipping: {message}")
    sys.exit(0)


class Service:
    """psephos serve under /usr/bin/time, on a free loopback port; stopped with SIGINT."""

    def __init__(self, psephos, night, work, wait_replay, extra=()):
        self.port = free_port()
        self.token = "bench-token-0123456789"
        (work / "tokens.txt").write_text(f"bench {self.token}\n")
        self.stats = work / "serve.time"
        log = work / "serve.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(log) + suffix).unlink(missing_ok=True)
        self.process = subprocess.Popen(
            ["/usr/bin/time", "-f", "%M", "-o", str(self.stats), psephos, "serve", "--night", str(night),
             "--speed", "0", "--log", str(log), "--port", str(self.port), "--tokens", str(work / "tokens.txt"), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        deadline = time.monotonic() + 120
        serving = False
        replayed = not wait_replay
        while not (serving and replayed):
            if time.monotonic() > deadline:
                self.stop()
                sys.exit("bench: psephos serve did not start in 120 s")
            line = self.process.stdout.readline()
            if not line:
                sys.exit("bench: psephos serve stopped at start")
            serving = serving or line.startswith("Serving on")
            replayed = replayed or "replay finished" in line

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        """Stops the service; returns its peak resident memory in KiB."""
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        text = self.stats.read_text().split() if self.stats.exists() else []
        return int(text[-1]) if text else 0


def wrk(url, duration, connections):
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "5s", "--latency", url],
                         capture_output=True, text=True, timeout=duration + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    return rps, lat, (errors.group(0) if errors else "")


def nginx(root, port, work):
    conf = work / "nginx.conf"
    conf.write_text(f"""worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  keepalive_requests 100000000;
  client_body_temp_path {work}/nginx-body; proxy_temp_path {work}/nginx-proxy;
  fastcgi_temp_path {work}/nginx-fastcgi; uwsgi_temp_path {work}/nginx-uwsgi; scgi_temp_path {work}/nginx-scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    location = /api/parties {{ default_type application/json; try_files /parties.json =404; }}
  }}
}}
""")
    process = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(work)], stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    sys.exit("bench: nginx did not start")


def generated(psephos, work):
    night = work / "night-1x-2018-json"
    if not (night / "night.json").exists():
        subprocess.run([psephos, "generate", "--scale", "1", "--seed", "2018", "--out", str(night)],
                       check=True, stdout=subprocess.DEVNULL)
    return night


def serve(args, work):
    if not shutil.which("wrk") or not shutil.which("nginx"):
        skip_or_fail("wrk or nginx is not installed (scripts/setup bench)")
    night = generated(args.psephos, work)
    service = Service(args.psephos, night / "night.json", work, wait_replay=True)
    try:
        body = urllib.request.urlopen(service.url("/api/parties"), timeout=10).read()
        www = work / "www"
        www.mkdir(exist_ok=True)
        (www / "parties.json").write_bytes(body)
        rows = [("psephos serve", *wrk(service.url("/api/parties"), args.duration, args.connections))]
    finally:
        service_kib = service.stop()
    port = free_port()
    # nginx's worker runs as another user: it must be able to reach the file.
    for folder in (work, www):
        folder.chmod(0o755)
    (www / "parties.json").chmod(0o644)
    server = nginx(www, port, work)
    try:
        same = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/parties", timeout=10).read()
        if same != body:
            sys.exit("bench serve: nginx does not serve the bytes psephos serves")
        rows.append(("nginx (static file)", *wrk(f"http://127.0.0.1:{port}/api/parties", args.duration, args.connections)))
    finally:
        server.terminate()
        server.wait(timeout=10)
    table = (f"GET /api/parties ({len(body)} bytes), wrk -t1 -c{args.connections} -d{args.duration}s, keep-alive, loopback\n\n"
             "| server | req/s | p50 | p75 | p90 | p99 | errors |\n|---|---:|---:|---:|---:|---:|---|\n")
    for name, rps, lat, errors in rows:
        table += f"| {name} | {rps:,.0f} | {lat.get('50')} | {lat.get('75')} | {lat.get('90')} | {lat.get('99')} | {errors or 'none'} |\n"
    table += f"\nPeak resident memory of psephos serve (1x night replayed, then the wrk run): {service_kib / 1024:.0f} MiB\n"
    print(table)
    if args.markdown:
        Path(args.markdown).write_text(table)
    if any(errors for _, _, _, errors in rows):
        sys.exit("bench serve: a server answered with errors")


def fanout(args, work):
    night = generated(args.psephos, work)
    declarations = json.loads((night / "night.json").read_text())["declarations"]
    bodies = work / "declarations.jsonl"
    table = ("| subscribers | declarations | p50 ms | p99 ms | max ms | missed |\n|---:|---:|---:|---:|---:|---:|\n")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # the service and the client inherit it
    counts = [int(c) for c in args.clients.split(",")]
    # The client and the service each hold one socket a subscriber, under each its own limit.
    if max(counts) + 100 > hard:
        skip_or_fail(f"{max(counts)} subscribers need more open files than the limit ({hard})")
    for n in counts:
        # Each round declares fresh wards on a fresh log.
        bodies.write_text("\n".join(json.dumps(d) for d in declarations[:args.declarations]) + "\n")
        service = Service(args.psephos, night / "setup.json", work, wait_replay=False, extra=args.serve_arg)
        try:
            run = subprocess.run([args.client, "--port", str(service.port), "--token", service.token,
                                  "--clients", str(n), "--declarations", str(args.declarations),
                                  "--first-seq", "2", str(bodies)],
                                 capture_output=True, text=True, timeout=120 + args.declarations * 6)
        finally:
            service.stop()
        if run.returncode != 0:
            sys.exit(f"bench fanout: the client failed at {n} subscribers:\n{run.stdout}{run.stderr}")
        f = dict(re.findall(r"(\w+)=([\d.]+)", run.stdout))
        table += f"| {n:,} | {f['declarations']} | {f['p50_ms']} | {f['p99_ms']} | {f['max_ms']} | {f['missed']} |\n"
    if args.floor:
        table += ("\nThe kernel alone (psephos_loopback_floor, a frame of %d bytes to each socket, one read a readiness):\n\n"
                  "| connections | writing threads | p50 ms | p99 ms | sends alone, p50 ms |\n|---:|---:|---:|---:|---:|\n"
                  % FRAME_BYTES)
        for n in counts:
            run = subprocess.run([args.floor, "--connections", str(n), "--bytes", str(FRAME_BYTES),
                                  "--rounds", str(args.floor_rounds)], capture_output=True, text=True, timeout=600)
            if run.returncode != 0:
                sys.exit(f"bench fanout: the floor failed at {n} connections:\n{run.stdout}{run.stderr}")
            for line in run.stdout.splitlines():
                f = dict(re.findall(r"(\w+)=([\d.]+)", line))
                table += f"| {n:,} | {f['threads']} | {f['p50_ms']} | {f['p99_ms']} | {f['send_ms']} |\n"
    print(table)
    if args.markdown:
        Path(args.markdown).write_text(table)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["serve", "fanout"])
    ap.add_argument("--psephos", required=True)
    ap.add_argument("--client")
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--clients", default="1000,10000")
    ap.add_argument("--declarations", type=int, default=30)
    ap.add_argument("--work", default=str(ROOT / "build" / "bench"))
    ap.add_argument("--markdown")
    ap.add_argument("--floor", help="psephos_loopback_floor, run after the fan-out at each --clients")
    ap.add_argument("--floor-rounds", type=int, default=30)
    ap.add_argument("--serve-arg", action="append", default=[],
                    help="an option for psephos serve in the fan-out, e.g. --serve-arg=--fanout-share-from=0")
    args = ap.parse_args()
    args.psephos = str(Path(args.psephos).resolve())
    args.client = args.client and str(Path(args.client).resolve())
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    (serve if args.what == "serve" else fanout)(args, work)


if __name__ == "__main__":
    main()
