"""Test support for the live service: start `psephos serve`, talk HTTP, follow the SSE stream.

    server = Server(binary, ["--night", setup, "--log", log, "--tokens", tokens])
    status, headers, body = server.request("GET", "/api/parties")
    server.kill()          # SIGKILL; server.stop() is SIGTERM

Standard library only.
"""
import atexit
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

SKIP = 77


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print("ok: " + message)


class LiveNight:
    """A night split for a live run, in `directory`: `psephos import IMPORT_ARGS` makes the
    night, read and checked by psephos's own readers; `setup` is a night file with its councils
    and no declarations, `declarations` the declarations to POST (JSON values), `tokens` a tokens
    file holding `writers` (name -> token), and `auth_of[name]` the headers a write by that
    writer needs (`auth`: the first writer's)."""

    def __init__(self, binary, directory, import_args, writers):
        night_file = os.path.join(directory, "night.json")
        subprocess.run([binary, "import", *import_args, "--out", night_file], check=True, stdout=subprocess.DEVNULL)
        with open(night_file) as f:
            self.night = json.load(f)
        self.declarations = self.night["declarations"]
        self.setup = os.path.join(directory, "setup.json")
        with open(self.setup, "w") as f:
            json.dump(dict(self.night, declarations=[]), f)
        self.tokens = os.path.join(directory, "tokens.txt")
        with open(self.tokens, "w") as f:
            f.writelines("%s %s\n" % (name, token) for name, token in writers.items())
        self.auth_of = {name: {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
                        for name, token in writers.items()}
        self.auth = next(iter(self.auth_of.values()))


class DemoNight(LiveNight):
    """The demo night, with one writer."""

    TOKEN = "test-writer-token-0123456789"

    def __init__(self, binary, directory):
        super().__init__(binary, directory, ["--demo"], {"test-writer": self.TOKEN})


class Server:
    """One run of `psephos serve`, on a port of its own choosing. `wrapper` is a command that
    runs it (e.g. ["prlimit", "--fsize=100000"]); `preexec` runs in the child before it starts."""

    def __init__(self, binary, args, wrapper=(), preexec=None):
        self.proc = subprocess.Popen(list(wrapper) + [binary, "serve", "--port", "0", "--speed", "0"] + args,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     preexec_fn=preexec)
        deadline = time.time() + 60
        self.port = None
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            match = re.search(r"Serving on http://127\.0\.0\.1:(\d+)/", line)
            if match:
                self.port = int(match.group(1))
                break
        if self.port is None:
            self.proc.kill()
            fail("the service did not start: " + self.proc.stderr.read())
        # A check that fails exits at once: the service must not outlive the test.
        atexit.register(lambda: self.proc.poll() is None and self.proc.kill())
        # Keep draining both pipes so the service never blocks on a full one; what it says on
        # stderr is kept for the checks.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()
        self.stderr = []
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read().decode()
        conn.close()
        return response.status, dict(response.getheaders()), data

    def get_json(self, path):
        status, _, body = self.request("GET", path)
        if status != 200:
            fail("GET %s: %d %s" % (path, status, body))
        return json.loads(body)

    def log_entries(self):
        """Every entry of the results log after the setup, page by page."""
        entries, since = [], 1
        while True:
            page = self.get_json("/api/log?since=%d&limit=1000" % since)["entries"]
            if not page:
                return entries
            entries += page
            since = page[-1]["seq"]

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            fail("the service did not stop on SIGTERM")


class EventReader(threading.Thread):
    """Reads the SSE stream, collecting (id, data) of each delta event."""

    def __init__(self, port, last_event_id=None):
        super().__init__(daemon=True)
        self.port, self.last_event_id = port, last_event_id
        self.events, self.kinds = [], []
        self.ready = threading.Event()

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Last-Event-ID": str(self.last_event_id)} if self.last_event_id is not None else {}
        try:
            conn.request("GET", "/api/events", headers=headers)
            response = conn.getresponse()
            if response.status != 200 or "text/event-stream" not in response.getheader("Content-Type", ""):
                return
            self.ready.set()
            event_id, kind, data = None, None, []
            while True:
                line = response.fp.readline()
                if not line:
                    return
                line = line.decode().rstrip("\n")
                if line == "":
                    if kind:
                        self.kinds.append(kind)
                    if kind == "delta":
                        self.events.append((int(event_id), json.loads("\n".join(data))))
                    event_id, kind, data = None, None, []
                elif line.startswith("id: "):
                    event_id = line[4:]
                elif line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
        except OSError:
            return

    def wait_for(self, seq, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.events and self.events[-1][0] >= seq:
                return True
            time.sleep(0.05)
        return False


