#!/usr/bin/env python3
"""Runs the bad-input matrix: every case in tests/bad_inputs/*.case (tests/bad_inputs/README.md).

A case is a bad input given to the psephos command (`cli:`) or to the live service's API
(`post:`, `get:`, `request:`), with the error expected. For each the runner checks that the
error is the one expected (the exit code or HTTP status, and the message naming the file, line
or field where that applies) and that nothing was applied:
  - the command printed nothing on stdout (no partial view), files named by `absent:` were not
    made, and files named by `unchanged:` are byte for byte as they were;
  - the service's log is at the same entry, the views (the state of the parties, the council)
    are the same bytes, the refusal says "applied": false, and the service still answers.
A case with `same-as:` is an input that must be accepted (a byte-order mark, CRLF line ends) and
give exactly what the case it names gives.

Usage: bad_inputs.py PSEPHOS_BINARY SOURCE_DIR [CASE_NAME...]
Standard library only.
"""
import hashlib
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

from psephos_service import Server

TOKEN = "matrix-writer-token-0123456789"


def parse_case(path):
    """(directives, input name, input text) of a case file. The input is the text after a line
    `--- NAME`, or the file named by `base:` with each `replace: OLD => NEW` made in it once
    (`\\n` in NEW is a line break); (directives, None, None) when there is none."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head, sep, rest = text.partition("\n--- ")
    directives = {"replace": []}
    for line in head.splitlines():
        if line.startswith("#"):
            directives.setdefault("about", line[1:].strip())
        if line.startswith("#") or not line.strip():
            continue
        key, _, value = line.partition(":")
        if key.strip() == "replace":
            directives["replace"].append(value.strip())
        else:
            directives[key.strip()] = value.strip()
    if sep:
        name, _, body = rest.partition("\n")
        return directives, name.strip(), body
    if "base" not in directives:
        return directives, None, None
    with open(os.path.join(os.path.dirname(path), directives["base"]), encoding="utf-8") as f:
        body = f.read()
    for replacement in directives["replace"]:
        old, _, new = replacement.partition(" => ")
        if old not in body:
            raise ValueError("replace: '%s' is not in %s" % (old, directives["base"]))
        body = body.replace(old, new.replace("\\n", "\n"), 1)
    return directives, directives["base"], body


def encode_input(directives, body):
    """The input's bytes: line ends, then the encoding, then a UTF-8 byte-order mark."""
    if directives.get("line-ends") == "crlf":
        body = body.replace("\n", "\r\n")
    raw = body.encode(directives.get("encoding", "utf-8"))
    if directives.get("bom") == "utf-8":
        raw = b"\xef\xbb\xbf" + raw
    return raw


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class Matrix:
    def __init__(self, binary, source, work):
        self.binary, self.source, self.work = binary, source, work
        self.night = os.path.join(source, "tests", "bad_inputs", "night.json")
        self.cli_results = {}  # case name -> stdout, for same-as
        self.server = None
        self.failures = []

    def fail(self, name, message):
        self.failures.append("%s: %s" % (name, message))
        print("FAIL %s: %s" % (name, message))

    def write_input(self, name, directives, input_name, body):
        folder = os.path.join(self.work, name)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, input_name or "input")
        if input_name is not None:
            with open(path, "wb") as f:
                f.write(encode_input(directives, body))
        return folder, path

    def substitute(self, text, folder, path):
        return text.replace("{night}", self.night).replace("{input}", path).replace("{dir}", folder)

    def run_cli(self, name, directives, input_name, body):
        folder, path = self.write_input(name, directives, input_name, body)
        args = [self.substitute(a, folder, path) for a in shlex.split(directives["cli"])]
        unchanged = [self.substitute(p, folder, path) for p in directives.get("unchanged", "").split()]
        before = {p: digest(p) for p in unchanged}
        run = subprocess.run([self.binary] + args, capture_output=True, timeout=60)
        stdout, stderr = run.stdout.decode(errors="replace"), run.stderr.decode(errors="replace")
        self.cli_results[name] = stdout
        want = int(directives.get("exit", "2"))
        if run.returncode != want:
            return self.fail(name, "exit %d, wanted %d: %s" % (run.returncode, want, stderr.strip()[:300]))
        if "same-as" in directives:
            other = directives["same-as"].removesuffix(".case")
            if other not in self.cli_results:
                self.run_case(other)
            if stdout != self.cli_results[other] or not stdout:
                return self.fail(name, "accepted, but the output differs from %s's" % other)
            return print("ok %s: accepted, the same as %s" % (name, other))
        if want == 0:
            return print("ok %s: accepted (a reference for the cases that name it)" % name)
        error = self.substitute(directives["error"], folder, path)
        if error not in stderr:
            return self.fail(name, "the error lacks '%s': %s" % (error, stderr.strip()[:300]))
        if stdout.strip():
            return self.fail(name, "refused, yet it printed a view: %s" % stdout[:200])
        for p in directives.get("absent", "").split():
            if os.path.exists(os.path.join(folder, p)):
                return self.fail(name, "refused, yet %s was written" % p)
        for p, d in before.items():
            if digest(p) != d:
                return self.fail(name, "refused, yet %s was changed" % p)
        print("ok %s: exit %d, %s" % (name, want, stderr.strip().splitlines()[0][:160]))

    def start_service(self):
        tokens = os.path.join(self.work, "tokens.txt")
        with open(tokens, "w") as f:
            f.write("matrix %s\n" % TOKEN)
        self.server = Server(self.binary, ["--night", self.night, "--log", os.path.join(self.work, "night.db"),
                                           "--tokens", tokens])
        deadline = time.time() + 30
        while self.server.get_json("/healthz")["seq"] < 2 and time.time() < deadline:
            time.sleep(0.05)  # the night's one declaration, replayed at start

    def state(self):
        """What a bad request must leave as it was."""
        return (self.server.get_json("/healthz")["seq"], self.server.request("GET", "/api/parties")[2],
                self.server.request("GET", "/api/councils/ashby")[2])

    def run_api(self, name, directives, input_name, body):
        if self.server is None:
            self.start_service()
        if "post" in directives:
            method, target = "POST", directives["post"]
        elif "get" in directives:
            method, target = "GET", directives["get"]
        else:
            method, target = directives["request"].split(None, 1)
        headers = {"Content-Type": directives.get("content-type", "application/json")}
        auth = directives.get("authorization", "Bearer " + TOKEN)
        if auth != "none":
            headers["Authorization"] = auth
        data = encode_input(directives, body) if input_name is not None else None
        before = self.state()
        status, _, response = self.server.request(method, target, data, headers)
        want = int(directives["status"])
        if status != want:
            return self.fail(name, "%d, wanted %d: %s" % (status, want, response.strip()[:300]))
        try:
            refusal = json.loads(response)
            message = refusal["error"]["message"]
        except (ValueError, KeyError):
            return self.fail(name, "the refusal is not an error body: %s" % response[:200])
        if directives["error"] not in message:
            return self.fail(name, "the error lacks '%s': %s" % (directives["error"], message[:300]))
        if refusal.get("applied") is not False:
            return self.fail(name, "the refusal does not say \"applied\": false")
        if self.state() != before:
            return self.fail(name, "refused, yet the log or the views changed")
        print("ok %s: %d, %s" % (name, status, message[:160]))

    def run_case(self, name):
        path = os.path.join(self.source, "tests", "bad_inputs", name + ".case")
        directives, input_name, body = parse_case(path)
        try:
            if "cli" in directives:
                self.run_cli(name, directives, input_name, body)
            else:
                self.run_api(name, directives, input_name, body)
        except (KeyError, ValueError, OSError, subprocess.TimeoutExpired) as e:
            self.fail(name, "%s: %s" % (type(e).__name__, e))


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: bad_inputs.py PSEPHOS_BINARY SOURCE_DIR [CASE_NAME...]")
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    folder = os.path.join(source, "tests", "bad_inputs")
    names = sys.argv[3:] or sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".case"))
    with tempfile.TemporaryDirectory(prefix="psephos-bad-inputs-") as work:
        matrix = Matrix(binary, source, work)
        for name in names:
            if name not in matrix.cli_results:
                matrix.run_case(name)
        if matrix.server:
            still_up = matrix.server.request("GET", "/healthz")[0] == 200
            matrix.server.stop()
            if not still_up:
                matrix.fail("service", "not up after the matrix")
    print("bad inputs: %d cases, %d failed" % (len(names), len(matrix.failures)))
    sys.exit(1 if matrix.failures else 0)


if __name__ == "__main__":
    main()
