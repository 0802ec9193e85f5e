#!/usr/bin/env python3
"""The results log cannot be written: a full disk, a file size limit, a read-only file.

  - A file size limit (RLIMIT_FSIZE, set by `prlimit --fsize`): the service ignores SIGXFSZ, so
    the write that reaches the limit fails (EFBIG) instead of ending the process.
  - A full disk: a small tmpfs filled up but for a little (when this process may mount one; a
    container often may not, and then this part is skipped with a message).
In both, declarations are POSTed until one cannot be made durable, and the test checks that it
is refused with 503 "the results log could not be written: ...", "applied": false; that
nothing of it is applied (the log's seq, the council's wards declared and the state of the
parties' ETag are as before); that reads go on being served; and that a restart without the
limit holds every acknowledged entry and nothing else. On the tmpfs, space is then freed while
the service runs, and the refused declaration is taken without a restart.
  - A read-only log file, and a log in a folder the service may not write (where SQLite keeps
    its write-ahead log): the service refuses to start, exit 1, with an error naming the file
    and saying why, and the file is left byte for byte as it was. The tests run as root, which
    ignores permission bits, so the service runs as `nobody` (setpriv).

Usage: log_failures.py PSEPHOS_BINARY
Standard library only.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

from psephos_service import DemoNight, Server, check, fail


def post(server, demo, declaration, route="/api/declarations"):
    status, _, body = server.request("POST", route, json.dumps(declaration), demo.auth)
    return status, json.loads(body)


def etag(server, path):
    status, headers, _ = server.request("GET", path)
    check(status == 200, "GET %s is served (%d)" % (path, status))
    return headers.get("ETag")


def write_until_refused(server, demo, todo, what):
    """POSTs declarations until one is refused; checks the refusal and that nothing of it was
    applied. Returns (acknowledged {seq: ballot}, the refused declaration)."""
    acknowledged = {}
    for d in todo:
        seq = server.get_json("/healthz")["seq"]
        council = "/api/councils/" + d["council"]
        wards = server.get_json(council)["wards_declared"]
        parties = etag(server, "/api/parties") if len(acknowledged) % 10 == 0 else None
        status, body = post(server, demo, d)
        if status == 201:
            acknowledged[body["last_seq"]] = d["ballot"]
            continue
        message = body.get("error", {}).get("message", "")
        check(status == 503, "%s: the write that could not be made durable is refused with 503 (got %d: %s)"
              % (what, status, message))
        check(body.get("applied") is False and "the results log could not be written" in message,
              "%s: the refusal says so: %s" % (what, message))
        check(server.get_json("/healthz")["seq"] == seq, "%s: the log's seq is as before" % what)
        check(server.get_json(council)["wards_declared"] == wards, "%s: nothing of it applied to its council" % what)
        if parties is None:
            parties = etag(server, "/api/parties")  # unchanged since the last write, which was taken
        check(etag(server, "/api/parties") == parties, "%s: the state of the parties is unchanged" % what)
        status, body = post(server, demo, d)
        check(status == 503, "%s: refused again while the log cannot grow, and the service is up" % what)
        for path in ("/api/night", "/api/councils", "/api/headlines"):
            etag(server, path)
        return acknowledged, d
    fail("%s: every write was taken; the limit was never reached" % what)


def check_log(server, acknowledged, what):
    in_log = {e["seq"]: e["body"]["ballot"] for e in server.log_entries()}
    check(in_log == acknowledged, "%s: after a restart the log holds the %d acknowledged entries and nothing else"
          % (what, len(acknowledged)))


def prepared_log(binary, demo, directory, declared):
    """A log in `directory` with the demo's councils and `declared` declarations, stopped."""
    os.makedirs(directory, exist_ok=True)
    log = os.path.join(directory, "night.db")
    server = Server(binary, ["--night", demo.setup, "--log", log, "--tokens", demo.tokens])
    acknowledged = {}
    for d in demo.declarations[:declared]:
        status, body = post(server, demo, d)
        check(status == 201, "a declaration is taken while there is room")
        acknowledged[body["last_seq"]] = d["ballot"]
    server.stop()
    return log, acknowledged


def file_size_limit(binary, demo, tmp):
    what = "file size limit"
    log, acknowledged = prepared_log(binary, demo, os.path.join(tmp, "fsize"), 5)
    args = ["--night", demo.setup, "--log", log, "--tokens", demo.tokens]
    # The write-ahead log starts empty and grows from 0; it is the file that reaches the limit.
    limit = os.path.getsize(log) + 64 * 1024
    server = Server(binary, args, wrapper=["prlimit", "--fsize=%d" % limit])
    taken, refused = write_until_refused(server, demo, demo.declarations[5:], what)
    acknowledged.update(taken)
    server.stop()
    server = Server(binary, args)
    check_log(server, acknowledged, what)
    status, _ = post(server, demo, refused)
    check(status == 201, "%s: without the limit, the refused declaration is taken" % what)
    server.stop()


def full_disk(binary, demo, tmp):
    what = "full disk"
    disk = os.path.join(tmp, "disk")
    os.makedirs(disk)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk], capture_output=True, text=True)
    if mounted.returncode != 0:
        print("skipping the full disk (a small tmpfs): cannot mount one here: " + mounted.stderr.strip())
        return
    try:
        source, acknowledged = prepared_log(binary, demo, os.path.join(tmp, "full"), 5)
        log = os.path.join(disk, "night.db")
        shutil.copyfile(source, log)
        filler = os.path.join(disk, "filler")
        with open(filler, "wb") as f:
            free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
            f.write(b"\0" * max(0, free - 96 * 1024))
        server = Server(binary, ["--night", demo.setup, "--log", log, "--tokens", demo.tokens])
        taken, refused = write_until_refused(server, demo, demo.declarations[5:], what)
        acknowledged.update(taken)
        os.remove(filler)
        status, body = post(server, demo, refused)
        check(status == 201, "%s: once there is room again the refused declaration is taken, with no restart" % what)
        acknowledged[body["last_seq"]] = refused["ballot"]
        server.stop()
        server = Server(binary, ["--night", demo.setup, "--log", log, "--tokens", demo.tokens])
        check_log(server, acknowledged, what)
        server.stop()
    finally:
        subprocess.run(["umount", disk])


def as_nobody():
    """The command prefix that runs a process as the unprivileged user `nobody`."""
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def refuses_to_start(binary, demo, log, what, expected):
    with open(log, "rb") as f:
        before = hashlib.sha256(f.read()).hexdigest()
    run = subprocess.run(as_nobody() + [binary, "serve", "--port", "0", "--night", demo.setup, "--log", log,
                                        "--tokens", demo.tokens], capture_output=True, text=True, timeout=60)
    check(run.returncode == 1, "%s: the service refuses to start, exit 1 (got %d)" % (what, run.returncode))
    check(log in run.stderr and expected in run.stderr, "%s: the error names the file and says why: %s"
          % (what, run.stderr.strip()))
    with open(log, "rb") as f:
        check(hashlib.sha256(f.read()).hexdigest() == before, "%s: the log is unchanged" % what)


def read_only(binary, demo, tmp):
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        print("skipping the read-only log: needs root and setpriv to run the service as nobody")
        return
    # Everything the service reads must be readable by nobody; nothing of the log writable.
    os.chmod(tmp, 0o755)
    for name in (demo.setup, demo.tokens):
        os.chmod(name, 0o644)
    folder = os.path.join(tmp, "locked")
    log, _ = prepared_log(binary, demo, folder, 3)
    os.chmod(folder, 0o755)
    os.chmod(log, 0o444)
    refuses_to_start(binary, demo, log, "a read-only log file", "is read-only to this process")
    # The file may be written but the folder may not: no write-ahead log can be made beside it.
    os.chown(log, 65534, 65534)
    os.chmod(log, 0o644)
    refuses_to_start(binary, demo, log, "a log in a folder the service may not write", "cannot write in the log's folder")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: log_failures.py PSEPHOS_BINARY")
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="psephos-log-failures-") as tmp:
        demo = DemoNight(binary, tmp)
        file_size_limit(binary, demo, tmp)
        full_disk(binary, demo, tmp)
        read_only(binary, demo, tmp)
    print("log failures: all checks passed")


if __name__ == "__main__":
    main()
