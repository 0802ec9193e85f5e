#!/usr/bin/env python3
"""Two Psephos servers on one night in a real PostgreSQL: what one is told, both serve.

Starts a throwaway PostgreSQL cluster (scripts/postgres) and two `psephos serve` on it with
Trafford's nominations for 3 May 2018, then:
  - declares through server A and reads the same bytes from server B, whose live stream carries
    a delta for each declaration;
  - writes through both at once (distinct wards): every write acknowledged, no entry lost or
    repeated; a ward declared through A is refused (409) through B, even before B has caught up;
  - stops the database and starts it again: writes answer 503 meanwhile, reads go on, and both
    servers connect again and follow;
  - SIGKILLs A while declarations stream into it, restarts it: nothing acknowledged is lost, and
    A, B and a third server folding the log afresh serve the same bytes; Trafford ends "NOC gain
    from Conservative", Lab 30 Con 29 LD 2 Green 2.

Usage: two_servers.py PSEPHOS_BINARY SOURCE_DIR SHARED_DATA_DIR
Exit 77 (skipped) when the PostgreSQL server binaries or the shared data are absent, unless
CI=true (then it fails). Standard library only.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

from psephos_service import SKIP, EventReader, LiveNight, Server, check, fail

VIEWS = ["/api/parties", "/api/parties?baseline=last-fought", "/api/councils/trafford", "/api/headlines",
         "/api/night"]


def skip(message):
    if os.environ.get("CI") == "true":
        fail("CI=true but " + message)
    print("SKIP: " + message)
    sys.exit(SKIP)


SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "postgres")


def postgres(*args):
    """scripts/postgres start|stop DIR [...]: the cluster's URI on start."""
    run = subprocess.run([SCRIPT] + list(args), capture_output=True, text=True)
    if run.returncode == SKIP:
        skip(run.stderr.strip())
    if run.returncode != 0:
        fail("scripts/postgres %s: %s" % (" ".join(args), run.stderr))
    return run.stdout.strip()


def views(server):
    return {v: server.request("GET", v)[2] for v in VIEWS}


def wait_until(condition, what, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.05)
    fail("timed out waiting for " + what)


def log_entries(server):
    return server.get_json("/api/log?since=0&limit=1000")["entries"]


def main():
    binary, source_dir, shared = sys.argv[1:4]
    lga = os.path.join(shared, "trafford-2016-2026-lga", "trafford_council_election_results.csv")
    if not os.path.exists(lga):
        skip("%s is absent: put the shared data beside the project to run this" % lga)
    fixture = os.path.join(source_dir, "tests", "fixtures", "trafford-2018.json")

    with tempfile.TemporaryDirectory(prefix="psephos-two-") as tmp:
        os.chmod(tmp, 0o755)  # the cluster runs as the postgres user when this runs as root
        cluster = os.path.join(tmp, "cluster")
        uri = postgres("start", cluster)
        try:
            run(binary, fixture, lga, tmp, cluster, uri)
        finally:
            subprocess.run([SCRIPT, "stop", cluster])
    print("two servers on one PostgreSQL log: all checks passed")


def run(binary, fixture, lga, tmp, cluster, uri):
    night = LiveNight(binary, tmp, ["--night", fixture, "--results", "lga:" + lga, "--date", "2018-05-03"],
                      {"desk-a": "token-a-3b1f9d0c7e", "desk-b": "token-b-8c2e4a6f1d"})
    declarations = night.declarations
    check(len(declarations) == 21, "Trafford has 21 ward declarations for 3 May 2018")
    args = ["--night", night.setup, "--log", uri, "--tokens", night.tokens]
    auth = night.auth_of

    def declare(server, d, desk):
        status, _, body = server.request("POST", "/api/declarations", json.dumps(d), auth[desk])
        return status, json.loads(body)

    a = Server(binary, args)
    b = Server(binary, args)  # the night is set up already: B folds A's setup
    stream_b = EventReader(b.port)
    stream_b.start()
    check(stream_b.ready.wait(10), "B's event stream opened")

    # Through A only; B follows.
    acknowledged = []
    for d in declarations[:6]:
        status, body = declare(a, d, "desk-a")
        if status != 201:
            fail("POST %s to A: %d %s" % (d["ballot"], status, body))
        acknowledged.append(body["last_seq"])
    check(acknowledged == list(range(2, 8)), "6 declarations through A acknowledged as entries 2..7")
    check(stream_b.wait_for(7), "B's stream delivered the deltas of A's declarations")
    check([seq for seq, _ in stream_b.events] == acknowledged, "B's deltas: one a declaration, in log order")
    wait_until(lambda: b.get_json("/healthz")["seq"] == 7, "B at entry 7")
    view_a, view_b = views(a), views(b)
    for v in VIEWS:
        check(view_a[v] == view_b[v], "A and B serve %s byte for byte" % v)

    # Through both at once: each server's night may be behind the other's appends.
    results = {"desk-a": [], "desk-b": []}

    def writer(server, desk, batch):
        for d in batch:
            results[desk].append((d["ballot"],) + declare(server, d, desk))

    threads = [threading.Thread(target=writer, args=(a, "desk-a", declarations[6:14:2])),
               threading.Thread(target=writer, args=(b, "desk-b", declarations[7:14:2]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    both = results["desk-a"] + results["desk-b"]
    refused = [(ballot, status, body) for ballot, status, body in both if status != 201]
    check(not refused, "8 declarations written through A and B at once all acknowledged (%s)" % refused)
    seqs = sorted(body["last_seq"] for _, _, body in both)
    check(seqs == list(range(8, 16)), "they are entries 8..15: none lost, none repeated")
    acknowledged += seqs

    # A ward declared through A, then at once through B: refused there.
    status, body = declare(a, declarations[14], "desk-a")
    check(status == 201, "a ward declared through A")
    acknowledged.append(body["last_seq"])
    status, body = declare(b, declarations[14], "desk-b")
    check(status == 409 and "already declared" in json.dumps(body),
          "the same ward through B straight after: 409 (%d %s)" % (status, body))
    status, body = declare(b, declarations[0], "desk-b")
    check(status == 409, "an early ward of A's through B: 409")

    # The database stops and comes back on the same port: writes answer 503 and log nothing
    # meanwhile, reads go on, and both servers connect again (their logs and their listeners).
    postgres("stop", cluster)
    status, body = declare(a, declarations[15], "desk-a")
    check(status == 503, "with the database down a write answers 503 (%d: %s)" % (status, body["error"]["message"][-60:]))
    check(b.request("GET", "/api/parties")[0] == 200, "with the database down reads go on")
    postgres("start", cluster, "--port", uri.rsplit(":", 1)[1].split("/")[0])
    status, body = declare(b, declarations[15], "desk-b")
    check(status == 201, "with the database back, the ward refused meanwhile is declared through B")
    acknowledged.append(body["last_seq"])
    wait_until(lambda: a.get_json("/healthz")["seq"] == body["last_seq"], "A to follow B's write after the restart")
    check(stream_b.wait_for(body["last_seq"]), "B's stream carries it")

    # SIGKILL A with declarations in flight; whatever it acknowledged must survive.
    for d in declarations[16:17]:
        status, body = declare(a, d, "desk-a")
        check(status == 201, "declared through A before the kill")
        acknowledged.append(body["last_seq"])
    answered = []

    def send_in_flight(d):
        try:
            answered.append(declare(a, d, "desk-a"))
        except OSError:
            pass  # cut off by the kill: not acknowledged, maybe committed

    senders = [threading.Thread(target=send_in_flight, args=(d,)) for d in declarations[17:]]
    for sender in senders:
        sender.start()
    time.sleep(0.001)
    a.kill()
    for sender in senders:
        sender.join()
    check(a.proc.returncode == -signal.SIGKILL, "A was killed with SIGKILL with %d declarations in flight (%d answered)" %
          (len(senders), len(answered)))
    acknowledged += [body["last_seq"] for status, body in answered if status == 201]

    a = Server(binary, args)
    in_log = {e["seq"]: e for e in log_entries(a)}
    check(all(seq in in_log for seq in acknowledged), "after A's restart every acknowledged entry is in the log")
    # The rest, through whichever server: a ward written just before the kill but not acknowledged
    # may be in the log already, and is then refused.
    declared = {e["body"]["ballot"] for e in in_log.values() if e["kind"] == "declaration"}
    for i, d in enumerate(declarations[15:]):
        if d["ballot"] in declared:
            continue
        server, desk = (a, "desk-a") if i % 2 else (b, "desk-b")
        status, body = declare(server, d, desk)
        if status != 201:
            fail("POST %s after the restart: %d %s" % (d["ballot"], status, body))
    entries = log_entries(b)
    ballots = [e["body"]["ballot"] for e in entries if e["kind"] == "declaration"]
    check([e["seq"] for e in entries] == list(range(1, 23)), "the log is entries 1..22, no gap")
    check(sorted(ballots) == sorted(d["ballot"] for d in declarations), "each of the 21 wards is in the log once")
    check(stream_b.wait_for(22), "B's stream followed the whole night")
    check([seq for seq, _ in stream_b.events] == list(range(2, 23)), "B streamed every entry once, in order")

    fresh = Server(binary, args)  # folds the log afresh
    for server in (a, b, fresh):
        wait_until(lambda: server.get_json("/healthz")["seq"] == 22, "every server at entry 22")
    view_a, view_b, view_fresh = views(a), views(b), views(fresh)
    for v in VIEWS:
        check(view_a[v] == view_b[v] == view_fresh[v], "A, B and a fresh fold serve %s byte for byte" % v)
    trafford = json.loads(view_b["/api/councils/trafford"])
    seats = trafford["composition"]["after"]["seats"]
    check(seats == {"PP53": 30, "PP52": 29, "PP90": 2, "PP63": 2},
          "Trafford after: Lab 30, Con 29, LD 2, Green 2 (%s)" % seats)
    check(trafford["label"]["eve-of-poll"] == "NOC gain from Conservative", "label: NOC gain from Conservative")
    wrong = subprocess.run([binary, "serve", "--demo", "--log", uri, "--port", "0"], capture_output=True, text=True,
                           timeout=60)
    check(wrong.returncode == 1 and "holds another night" in wrong.stderr,
          "a server given another night for this log is refused: %s" % wrong.stderr.strip())
    for server in (a, b, fresh):
        server.stop()
        check(server.proc.returncode == 0, "SIGTERM stops a server cleanly")


if __name__ == "__main__":
    main()
