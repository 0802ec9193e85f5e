#!/usr/bin/env python3
"""Two (or more) builds of psephos timed in turn on one night, for a change's own gain on a
machine whose speed moves from minute to minute (BENCHMARKS.md): each build runs
`psephos outcomes` once, then the next, RUNS times over; the median, the least and the first
quartile of each build's wall times are printed. Outputs are not compared (bench/batch.py does).

Usage: bench/ab.py NIGHT_DIR RUNS NAME=PSEPHOS_BINARY [NAME=PSEPHOS_BINARY ...]
  NIGHT_DIR holds setup.json and results.csv (psephos generate --out DIR).

  git worktree add /tmp/before <rev> && (cd /tmp/before && cmake --preset release &&
      cmake --build build/release --target psephos)
  bench/ab.py build/bench/night-100x-2018 3 before=/tmp/before/build/release/src/cli/psephos \\
      now=build/release/src/cli/psephos
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 4 or any("=" not in a for a in sys.argv[3:]):
        sys.exit(__doc__)
    night, runs = sys.argv[1], int(sys.argv[2])
    # Resolved here: each run's working folder is the night's.
    builds = [(name, os.path.abspath(binary)) for name, binary in (a.split("=", 1) for a in sys.argv[3:])]
    times = {name: [] for name, _ in builds}
    for _ in range(runs):
        for name, binary in builds:
            start = time.perf_counter()
            subprocess.run([binary, "outcomes", "--night", "setup.json", "--results", "dc-csv:results.csv"],
                           cwd=night, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    for name, _ in builds:
        t = sorted(times[name])
        print(f"{name:12s} median {statistics.median(t) * 1000:9.1f} ms   least {t[0] * 1000:9.1f}   "
              f"first quartile {t[len(t) // 4] * 1000:9.1f}")


if __name__ == "__main__":
    main()
