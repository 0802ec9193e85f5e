#!/usr/bin/env python3
"""End-to-end test of the live service: the real binary, a real SQLite log, real HTTP.

Starts `psephos serve` on a temporary log with Trafford's nominations for 3 May 2018
(tests/fixtures/trafford-2018.json), POSTs the 21 ward declarations of Trafford's real results
(../shared/data/trafford-2016-2026-lga) one at a time, follows the SSE stream, kills the
process with SIGKILL half way, restarts it on the same log, checks that nothing acknowledged
was lost and that every view is the same byte for byte, resumes the stream with Last-Event-ID,
and declares the rest: Trafford must end "NOC gain from Conservative", Lab 30 Con 29 LD 2 Green 2.

Usage: service_e2e.py PSEPHOS_BINARY SOURCE_DIR SHARED_DATA_DIR
Exit 77 (skipped) when the shared data are absent, unless CI=true (then it fails).
Standard library only.
"""
import json
import os
import signal
import sys
import tempfile

from psephos_service import SKIP, EventReader, LiveNight, Server, check, fail


def main():
    binary, source_dir, shared = sys.argv[1:4]
    lga = os.path.join(shared, "trafford-2016-2026-lga", "trafford_council_election_results.csv")
    if not os.path.exists(lga):
        if os.environ.get("CI") == "true":
            fail("CI=true but %s is missing" % lga)
        print("SKIP: %s is absent: put the shared data beside the project to run this" % lga)
        sys.exit(SKIP)
    fixture = os.path.join(source_dir, "tests", "fixtures", "trafford-2018.json")

    with tempfile.TemporaryDirectory(prefix="psephos-e2e-") as tmp:
        # The real declarations, read and checked by psephos's own reader, split into bodies.
        night = LiveNight(binary, tmp, ["--night", fixture, "--results", "lga:" + lga, "--date", "2018-05-03"],
                          {"trafford-desk": "e2e-desk-token-5f3a9c1b"})
        declarations = night.declarations
        check(len(declarations) == 21, "Trafford has 21 ward declarations for 3 May 2018")
        log = os.path.join(tmp, "night.db")
        args = ["--night", night.setup, "--log", log, "--tokens", night.tokens]
        auth = night.auth

        server = Server(binary, args)
        stream = EventReader(server.port)
        stream.start()
        check(stream.ready.wait(10), "the event stream opened")
        status, headers, body = server.request("GET", "/api/parties")
        etag = headers.get("ETag")
        check(status == 200 and etag, "the state of the parties has an ETag")
        status, _, _ = server.request("GET", "/api/parties", headers={"If-None-Match": etag})
        check(status == 304, "polling with that ETag before any declaration: 304")

        acknowledged = []
        half = 11
        for d in declarations[:half]:
            status, _, body = server.request("POST", "/api/declarations", json.dumps(d), auth)
            if status != 201:
                fail("POST %s: %d %s" % (d["ballot"], status, body))
            acknowledged.append(json.loads(body)["last_seq"])
            status, _, _ = server.request("GET", "/api/parties", headers={"If-None-Match": etag})
            if status != 200:
                fail("after a declaration the ETag must change (got %d)" % status)
            _, headers, _ = server.request("GET", "/api/parties")
            etag = headers["ETag"]
            status, _, _ = server.request("GET", "/api/parties", headers={"If-None-Match": etag})
            if status != 304:
                fail("polling again with the new ETag: expected 304, got %d" % status)
        check(acknowledged == list(range(2, half + 2)), "%d declarations acknowledged as entries 2..%d" % (half, half + 1))
        check(stream.wait_for(half + 1), "the stream delivered a delta for each declaration")
        check([seq for seq, _ in stream.events] == acknowledged, "deltas in log order, one a declaration")

        views = ["/api/parties", "/api/parties?baseline=last-fought", "/api/councils/trafford", "/api/headlines",
                 "/api/night"]
        before = {v: server.request("GET", v)[2] for v in views}
        server.kill()
        check(server.proc.returncode == -signal.SIGKILL, "the service was killed with SIGKILL mid-night")

        server = Server(binary, args)
        after = {v: server.request("GET", v)[2] for v in views}
        for v in views:
            check(after[v] == before[v], "after the restart %s is the same byte for byte" % v)
        log_entries = server.get_json("/api/log?since=1")["entries"]
        check([e["seq"] for e in log_entries] == acknowledged, "every acknowledged entry is in the log")
        check(all(e["author"] == "trafford-desk" for e in log_entries), "each entry names its token's holder")

        # A reader that saw entry 5 resumes from there: it gets 6.. without a gap.
        resumed = EventReader(server.port, last_event_id=5)
        resumed.start()
        check(resumed.wait_for(half + 1), "a stream resumed with Last-Event-ID: 5 catches up")
        check([seq for seq, _ in resumed.events] == list(range(6, half + 2)), "it gets entries 6..%d, no gap" % (half + 1))

        status, _, body = server.request("POST", "/api/declarations", json.dumps(declarations[0]), auth)
        check(status == 409 and "already declared" in body, "a ward declared twice: 409, nothing applied")
        status, _, body = server.request("POST", "/api/declarations", json.dumps(declarations[half]),
                                         {"Content-Type": "application/json"})
        check(status == 401, "no token: 401")
        status, _, body = server.request("POST", "/api/declarations", "x" * (2 << 20), auth)
        check(status == 413, "a body over the limit: 413")

        for d in declarations[half:]:
            status, _, body = server.request("POST", "/api/declarations", json.dumps(d), auth)
            if status != 201:
                fail("POST %s: %d %s" % (d["ballot"], status, body))
        check(resumed.wait_for(22), "the resumed stream follows the rest of the night")
        decided = [d for _, d in resumed.events if d["decided"]]
        check(decided and decided[0]["headline"].startswith("Trafford: NOC gain from Conservative"),
              "the delta that decided Trafford carries its headline: %s" % (decided[0]["headline"] if decided else None))

        trafford = server.get_json("/api/councils/trafford")
        seats = trafford["composition"]["after"]["seats"]
        check(seats == {"PP53": 30, "PP52": 29, "PP90": 2, "PP63": 2},
              "Trafford after: Lab 30, Con 29, LD 2, Green 2 (%s)" % seats)
        check(trafford["label"]["eve-of-poll"] == "NOC gain from Conservative", "label: NOC gain from Conservative")
        parties = server.get_json("/api/parties")
        check(parties["councils_settled"] == 1 and parties["noc"]["councils"] == 1,
              "state of the parties: after 1 of 1 councils, 1 NOC")
        server.stop()
        check(server.proc.returncode == 0, "SIGTERM stops the service cleanly")
    print("service end-to-end: all checks passed")


if __name__ == "__main__":
    main()
