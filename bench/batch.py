#!/usr/bin/env python3
"""batch.py: the batch benchmark (scripts/bench batch).

A night's Democracy Club CSV (and its setup) -> every ward's winners, every council's
composition, control and label, and the state of the parties, by Psephos (`psephos outcomes`)
and by its peers on the same files in the same run: DuckDB (npm @duckdb/node-api, one SQL
script), pandas and the sqlite3 CLI (the same SQL script). Every tool's output lines are
sorted and compared with Psephos's: a difference fails the run. Each run is timed whole
(process start, reading the CSV, writing the output) with /usr/bin/time, which also gives
the peak resident memory.

Usage: bench/batch.py --psephos BIN [--scales 1,10] [--seed 2018] [--runs 3] [--work DIR]
                      [--check] [--markdown FILE] [--tools psephos,duckdb,pandas,sqlite]
--check: one run, scale as given, no timing table claims; a peer that is not installed is
skipped with a message (an error when CI is set).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "bench" / "peers"


def peer_commands(out):
    """name -> (command, why it cannot run or None)."""
    node_ok = shutil.which("node") and (PEERS / "node_modules" / "@duckdb" / "node-api").exists()
    # Debian's python3 with Debian's python3-pandas, whichever python runs this script.
    python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
    has_pandas = subprocess.run([python, "-c", "import pandas"], capture_output=True).returncode == 0
    pandas_missing = None if has_pandas else "python3-pandas is not installed (scripts/setup bench)"
    sqlite_sql = "\n".join(f".read {PEERS / name}" for name in
                           ("load_sqlite.sql", "outcomes.sql", "write_sqlite.sql"))
    return {
        "duckdb": (["node", str(PEERS / "duckdb_outcomes.mjs"), out("duckdb")],
                   None if node_ok else "DuckDB is not installed (scripts/setup bench: npm ci in bench/peers)"),
        "pandas": ([python, str(PEERS / "pandas_outcomes.py"), out("pandas")], pandas_missing),
        "sqlite": (["sh", "-c", f'sqlite3 :memory: > "{out("sqlite")}" <<"EOF"\n{sqlite_sql}\nEOF'],
                   None if shutil.which("sqlite3") else "the sqlite3 CLI is not installed (scripts/setup bench)"),
    }


def timed(command, cwd, label):
    """Runs a command; returns (wall seconds, CPU seconds, peak resident KiB). Fails the
    benchmark on error. The wall time is taken here to the microsecond (/usr/bin/time gives
    hundredths, too coarse for a 1x run of some 25 ms); it includes starting /usr/bin/time,
    about a millisecond, alike for every tool."""
    with tempfile.NamedTemporaryFile("r") as stats:
        start = time.perf_counter()
        run = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", stats.name] + command,
                             cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        if run.returncode != 0:
            sys.exit(f"bench batch: {label} failed ({run.returncode}):\n{run.stderr[-2000:]}")
        _, user, system, kib = stats.read().split()[-4:]
    return seconds, float(user) + float(system), int(kib)


def canonical(path):
    with open(path) as f:
        return sorted(line.rstrip("\n") for line in f if line.strip())


def generate(psephos, scale, seed, work):
    night = work / f"night-{scale}x-{seed}"
    if not (night / "results.csv").exists():
        subprocess.run([psephos, "generate", "--scale", str(scale), "--seed", str(seed),
                        "--out", str(night), "--no-json"], check=True, stdout=subprocess.DEVNULL)
    return night


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--psephos", required=True)
    ap.add_argument("--scales", default="1,10")
    ap.add_argument("--seed", type=int, default=2018)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default=str(ROOT / "build" / "bench"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--markdown")
    ap.add_argument("--tools", default="psephos,duckdb,pandas,sqlite", help="which tools to run")
    args = ap.parse_args()
    args.psephos = str(Path(args.psephos).resolve())
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    runs = 1 if args.check else args.runs
    ci = os.environ.get("CI", "") not in ("", "false", "0")
    rows = []
    for scale in [int(s) for s in args.scales.split(",")]:
        night = generate(args.psephos, scale, args.seed, work)
        out = lambda name: str(night / f"{name}.out")  # noqa: E731
        tools = {"psephos": (["sh", "-c", f'"{args.psephos}" outcomes --night setup.json '
                                          f'--results dc-csv:results.csv > "{out("psephos")}"'], None)}
        tools.update(peer_commands(out))
        tools = {name: tool for name, tool in tools.items() if name in args.tools.split(",")}
        times, cpu, memory = {}, {}, {}
        for name, (command, missing) in tools.items():
            if missing:
                if ci:
                    sys.exit(f"bench batch: {name}: {missing}, and CI is set")
                print(f"bench batch: skipping {name}: {missing}")
                continue
            results = [timed(command, night, f"{name} at {scale}x") for _ in range(runs)]
            times[name] = statistics.median(r[0] for r in results)
            cpu[name] = statistics.median(r[1] for r in results)
            memory[name] = max(r[2] for r in results)
        expected = canonical(out("psephos"))
        for name in times:
            if name == "psephos":
                continue
            got = canonical(out(name))
            if got != expected:
                diff = sorted(set(got) ^ set(expected))[:10]
                sys.exit(f"bench batch: {name} disagrees with psephos at {scale}x "
                         f"({len(got)} lines against {len(expected)}); first differences:\n  " + "\n  ".join(diff))
        print(f"bench batch: {scale}x: {len(expected)} output lines; "
              f"{', '.join(times)} agree")
        for name in times:
            rows.append((scale, name, times[name], cpu[name], memory[name],
                         times[name] / max(times.get("psephos", 0), 1e-9)))
    header = ("| scale | tool | wall s (median of %d) | CPU s (user+sys) | peak RSS MiB | wall / Psephos |\n"
              "|---:|---|---:|---:|---:|---:|\n" % runs)
    table = header + "".join(f"| {s}x | {n} | {t:.3f} | {c:.2f} | {m / 1024:.0f} | {r:.1f} |\n"
                             for s, n, t, c, m, r in rows)
    print(table)
    if args.markdown:
        Path(args.markdown).write_text(table)


if __name__ == "__main__":
    main()
