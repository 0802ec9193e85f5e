#!/usr/bin/env bash
# The benchmarks' smoke test (ctest bench.smoke): each benchmark runs at a tiny scale and the
# peers that are installed agree with Psephos; nothing is timed or asserted on time. A peer
# that is not installed is skipped with a message (an error when CI is set).
# Usage: bench/smoke_test.sh PSEPHOS FANOUT_CLIENT LOOPBACK_FLOOR
set -euo pipefail
psephos="$1"
client="$2"
floor="$3"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# generate: the same seed gives the same bytes; another seed other bytes.
"$psephos" generate --scale 1 --seed 7 --out "$work/a" >/dev/null
"$psephos" generate --scale 1 --seed 7 --out "$work/b" >/dev/null
"$psephos" generate --scale 1 --seed 8 --out "$work/c" --no-json >/dev/null
for f in results.csv setup.json night.json councils.csv not_up.csv seats_up.csv groups.csv; do
  cmp -s "$work/a/$f" "$work/b/$f" || { echo "generate: $f differs for one seed"; exit 1; }
done
if cmp -s "$work/a/results.csv" "$work/c/results.csv"; then echo "generate: seeds 7 and 8 gave one night"; exit 1; fi
[ ! -e "$work/c/night.json" ] || { echo "generate: --no-json wrote night.json"; exit 1; }

# Our JSON reads back: the night file gives the outcomes the CSV and setup give.
"$psephos" outcomes --night "$work/a/night.json" | sort > "$work/from-json"
"$psephos" outcomes --night "$work/a/setup.json" --results "dc-csv:$work/a/results.csv" | sort > "$work/from-csv"
cmp -s "$work/from-json" "$work/from-csv" || { echo "outcomes: night.json and results.csv disagree"; diff "$work/from-json" "$work/from-csv" | head; exit 1; }

# batch: every installed peer agrees with Psephos at 1x, and again with an elected independent
# whose name holds a comma and quotes (their key is one quoted CSV field in every tool's lines).
python3 "$root/bench/batch.py" --psephos "$psephos" --scales 1 --check --work "$work"
mkdir -p "$work/quoted" && cp -r "$work/night-1x-2018" "$work/quoted/" && rm -f "$work"/quoted/night-1x-2018/*.out
python3 - "$work/quoted/night-1x-2018/results.csv" <<'PY'
import csv, sys
path = sys.argv[1]
with open(path, newline="") as f:
    rows = list(csv.DictReader(f))
winner = next(r for r in rows if r["party_name"] == "Independent" and r["elected"] == "t")
winner["person_name"] = 'Fox, Sunita "Sue"'
with open(path, "w", newline="") as f:
    out = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    out.writeheader()
    out.writerows(rows)
PY
python3 "$root/bench/batch.py" --psephos "$psephos" --scales 1 --check --work "$work/quoted"
grep -q '"IND:Fox, Sunita ""Sue"""' "$work/quoted/night-1x-2018/psephos.out" || { echo "batch: the quoted key is not in the outcomes"; exit 1; }
# serve and fanout, bounded and tiny.
python3 "$root/bench/live.py" serve --psephos "$psephos" --duration 1 --connections 4 --work "$work"
python3 "$root/bench/live.py" fanout --psephos "$psephos" --client "$client" --clients 20 --declarations 3 --work "$work" \
  --floor "$floor" --floor-rounds 4
echo "bench smoke: all ran"
