#!/usr/bin/env python3
"""Crash recovery: SIGKILL the live service at random moments while declarations stream in.

Each trial starts `psephos serve` on one results log (the demo night's councils), streams
declarations at it over HTTP from a writer thread, and kills the process with SIGKILL after a
random delay (seeded). The service is then restarted on the same log, and the test checks:
  - every declaration acknowledged (201) before the kill is in the log, with its seq;
  - the state served after the restart equals a fresh fold of the log by another path: the
    log's declarations written out as a night file and tallied by `psephos parties`;
  - at the end, a torn write at the end of the write-ahead log (garbage appended, as a crash
    in the middle of a write leaves) loses nothing acknowledged and the service starts.

Usage: crash_recovery.py PSEPHOS_BINARY [--trials N] [--seed K]
The default test run uses 5 trials; `--trials 100` is the long run (docs/RELIABILITY.md).
Standard library only.
"""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

from psephos_service import DemoNight, Server, check, fail


def parties_view(body):
    """The state of the parties as the CLI prints it: the API adds seq and rehearsal."""
    view = json.loads(body)
    view.pop("seq", None)
    view.pop("rehearsal", None)
    return view


class Writer(threading.Thread):
    """Posts declarations one at a time until told to stop or the service dies."""

    def __init__(self, server, declarations, auth):
        super().__init__(daemon=True)
        self.server, self.declarations, self.auth = server, declarations, auth
        self.acknowledged = {}  # seq -> ballot
        self.refused = []

    def run(self):
        for d in self.declarations:
            try:
                status, _, body = self.server.request("POST", "/api/declarations", json.dumps(d), self.auth)
            except OSError:
                return  # killed mid-request: not acknowledged
            if status == 201:
                self.acknowledged[json.loads(body)["last_seq"]] = d["ballot"]
            else:
                self.refused.append((d["ballot"], status, body))
                return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="psephos-crash-") as tmp:
        demo = DemoNight(args.binary, tmp)
        night, declarations, auth = demo.night, demo.declarations, demo.auth
        log = os.path.join(tmp, "night.db")
        serve_args = ["--night", demo.setup, "--log", log, "--tokens", demo.tokens]

        acknowledged = {}  # every seq acknowledged over all trials -> ballot
        for trial in range(1, args.trials + 1):
            server = Server(args.binary, serve_args)
            entries = server.log_entries()
            in_log = {e["seq"]: e["body"]["ballot"] for e in entries}
            lost = {seq: b for seq, b in acknowledged.items() if in_log.get(seq) != b}
            if lost:
                fail("trial %d: acknowledged entries lost or changed after SIGKILL: %s" % (trial, lost))
            # The state after the restart equals the log tallied afresh by the batch path.
            fold_file = os.path.join(tmp, "fold.json")
            with open(fold_file, "w") as f:
                json.dump(dict(night, declarations=[e["body"] for e in entries]), f)
            for baseline in ("eve-of-poll", "last-fought"):
                fresh = subprocess.run([args.binary, "parties", "--night", fold_file, "--json", "--baseline", baseline],
                                       check=True, capture_output=True, text=True).stdout
                served = server.request("GET", "/api/parties?baseline=" + baseline)[2]
                if parties_view(served) != json.loads(fresh):
                    fail("trial %d: the state served after the restart (%s) differs from a fresh fold of the log"
                         % (trial, baseline))
            declared = set(in_log.values())
            todo = [d for d in declarations if d["ballot"] not in declared]
            if not todo:
                server.stop()
                break
            writer = Writer(server, todo[: rng.randint(5, 60)], auth)
            writer.start()
            time.sleep(rng.uniform(0.0, 0.4))
            server.kill()
            writer.join(10)
            if writer.refused:
                fail("trial %d: a declaration was refused: %s" % (trial, writer.refused[:1]))
            acknowledged.update(writer.acknowledged)
        check(True, "%d trials of SIGKILL mid-stream: %d acknowledged declarations, none lost, state = fresh fold"
              % (args.trials, len(acknowledged)))

        # A torn write: a crash part-way through appending to the write-ahead log leaves a
        # partial frame at its end. SQLite's checksums make recovery ignore it.
        wal = log + "-wal"
        if os.path.exists(wal):
            with open(wal, "ab") as f:
                f.write(os.urandom(1500))
        server = Server(args.binary, serve_args)
        seqs = {e["seq"] for e in server.log_entries()}
        check(set(acknowledged) <= seqs, "after a torn write at the end of the log, nothing acknowledged is lost")
        server.stop()
    print("crash recovery: all checks passed")


if __name__ == "__main__":
    main()
