#!/usr/bin/env bash
# End-to-end checks of the psephos command: help, exit codes, errors naming file and line,
# and a real council from ../shared/data (skipped when absent, failed when CI=true).
# Usage (ctest runs it): cli_test.sh PSEPHOS_BINARY SOURCE_DIR SHARED_DATA_DIR
set -u
bin="$1"; src="$2"; data="$3"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0; failed=0
check() {  # check NAME EXPECTED_EXIT COMMAND... ; output in $tmp/out
  local name="$1" want="$2"; shift 2
  "$@" >"$tmp/out" 2>&1; local got=$?
  if [ "$got" -eq "$want" ]; then passed=$((passed+1)); else
    failed=$((failed+1)); echo "FAIL $name: exit $got, wanted $want"; cat "$tmp/out"; fi
}
contains() {  # contains NAME TEXT: the last output contains TEXT
  if grep -qF -- "$2" "$tmp/out"; then passed=$((passed+1)); else
    failed=$((failed+1)); echo "FAIL $1: output lacks '$2'"; cat "$tmp/out"; fi
}

check help 0 "$bin" --help;                         contains help "Subcommands:"
check subcommand-help 0 "$bin" council --help;      contains subcommand-help "--baseline"
check no-command 1 "$bin"
check bad-option 1 "$bin" night --demo --no-such-option
check no-input 1 "$bin" parties;                    contains no-input "give --demo"
check bad-baseline 1 "$bin" parties --demo --baseline yesterday

printf '{"election": {"id": "x", "date": "2018-05-03"},\n "councils": [\n  {"id": 7}\n ]}\n' >"$tmp/bad.json"
check bad-night 2 "$bin" parties --night "$tmp/bad.json"; contains bad-night "councils[0].id: expected a string"
printf '{"election": {"id": "x",\n' >"$tmp/broken.json"
check broken-json 2 "$bin" parties --night "$tmp/broken.json"; contains broken-json "broken.json:"
printf 'ballot_paper_id,election_id,post_id,post_label,person_id,person_name,party_id,party_name,votes,elected,turnout_reported,spoilt\nlocal.x.y.2018-05-03,local.x.2018-05-03,MTW:E05000001,Y,1,A B,party:53,Labour Party,-4,t,,\n' >"$tmp/neg.csv"
check negative-votes 2 "$bin" parties --results "dc-csv:$tmp/neg.csv"; contains negative-votes "neg.csv:2: votes: negative"
# A council's view lists its wards before any is declared.
printf '{"election": {"id": "local.2018-05-03", "date": "2018-05-03"}, "councils": [{"id": "x", "name": "Exton", "type": "metropolitan-borough", "region": "North West", "cycle": "thirds", "seats": 2, "not_up": {}, "vacant_not_up": 0, "wards": [{"id": "a", "name": "Ayton", "defending": ["PP53"], "last_won": ["PP53"]}, {"id": "b", "name": "Beeford", "defending": ["PP52"], "last_won": ["PP52"]}]}]}\n' >"$tmp/setup-only.json"
check council-awaiting 0 "$bin" council x --night "$tmp/setup-only.json"
contains council-awaiting "Beeford (1 seat): awaiting declaration"
# The night is made from the setup on the setup's thread; that its seats do not add up is told
# after a results file's error (as when it was made after reading them), and alone otherwise.
sed 's/"seats": 2/"seats": 3/' "$tmp/setup-only.json" >"$tmp/seats-wrong.json"
check seats-wrong-and-results 2 "$bin" parties --night "$tmp/seats-wrong.json" --results "dc-csv:$tmp/neg.csv"
contains seats-wrong-and-results "neg.csv:2: votes: negative"
check seats-wrong 2 "$bin" parties --night "$tmp/seats-wrong.json"
contains seats-wrong "but the council has 3"
# The setup and the results are read at the same time; the setup's error is still the one told.
check bad-night-and-results 2 "$bin" parties --night "$tmp/bad.json" --results "dc-csv:$tmp/neg.csv"
contains bad-night-and-results "councils[0].id: expected a string"
# PostgreSQL's client is a module loaded only for a postgresql:// log: here it is loaded and
# reaches no server (port 1); then it is missing, and the error says where it was looked for.
check postgres-unreachable 1 "$bin" serve --log postgresql://127.0.0.1:1/psephos --port 0
contains postgres-unreachable "no connection to the database"
PSEPHOS_POSTGRES_MODULE="$tmp/no-such-module.so" check postgres-no-module 1 "$bin" serve --log postgresql://127.0.0.1:1/psephos --port 0
contains postgres-no-module "PostgreSQL support is not available: cannot load $tmp/no-such-module.so"
printf 'what,is,this\n1,2,3\n' >"$tmp/unknown.csv"
check undetectable 2 "$bin" parties --results "$tmp/unknown.csv"; contains undetectable "cannot tell the results format"

printf '3 2\n5 1 4 0\n0\nA\nB\nC\nT\n' >"$tmp/bad.blt"
check stv-bad-preference 2 "$bin" stv "$tmp/bad.blt"; contains stv-bad-preference "bad.blt:2: preference 2: a preference for candidate 4"
printf '3 1\n10 1 0\n5 2 3 0\n5 3 0\n0\nA (Lab)\nB (SNP)\nC (C)\nTie Ward\n' >"$tmp/tie.blt"
check stv-tie 0 "$bin" stv "$tmp/tie.blt";          contains stv-tie "A tie that only a lot can break: B (SNP), C (C)"
check stv-lot 0 "$bin" stv "$tmp/tie.blt" --lot 3,2; contains stv-lot "Elected 1: A (Lab) (stage 3)"
check stv-ni-json 0 "$bin" stv "$tmp/tie.blt" --rules ni --lot 3,2 --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["rules"]=="ni" and d["elected"]==["A (Lab)"], d' "$tmp/out" \
  && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL stv-ni-json: not the count's JSON"; }
check stv-bad-rules 1 "$bin" stv "$tmp/tie.blt" --rules ireland
check stv-help 0 "$bin" stv --help;                 contains stv-help "--rules"

check demo 0 "$bin" night --demo;                   contains demo "State of the parties after"
check demo-json 0 "$bin" parties --demo --json --london
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["filter"]=="London", d["filter"]' "$tmp/out" \
  && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL demo-json: not the London filter's JSON"; }
check no-council 3 "$bin" council nowhere --demo

# Analysis commands (cli/analysis_commands.h).
check marginality-help 0 "$bin" marginality --help;  contains marginality-help "--party"
check shares-demo 0 "$bin" shares --demo;            contains shares-demo "method: top candidate of each party in each ward"
check shares-by-council 0 "$bin" shares --demo --by-council --london; contains shares-by-council "Vote share by council"
check closest-demo 0 "$bin" closest --demo --limit 3; contains closest-demo "Closest councils of the night"
check closest-json 0 "$bin" closest --demo --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert 0 < len(d) <= 10 and d[0]["margin"]["votes"] >= 0' "$tmp/out" \
  && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL closest-json: not the closest councils"; }
check swing-no-previous 1 "$bin" swing CON LAB --demo; contains swing-no-previous "--previous"
check pns-no-input 1 "$bin" pns;                     contains pns-no-input "give --demo"
check commons-bad-share 1 "$bin" commons --share NOBODY=40; contains commons-bad-share "unknown party 'NOBODY'"
check marginality-nowhere 3 "$bin" marginality nowhere --demo

lga="$data/trafford-2016-2026-lga/trafford_council_election_results.csv"
if [ -f "$lga" ]; then
  check trafford 0 "$bin" headlines --night "$src/tests/fixtures/trafford-2018.json" --results "$lga" --date 2018-05-03
  contains trafford "Trafford: NOC gain from Conservative"
  check trafford-council 0 "$bin" council trafford --night "$src/tests/fixtures/trafford-2018.json" --results "lga:$lga" --date 2018-05-03
  contains trafford-council "Change since the seats were last fought: Con -5, Lab +4, Grn +2, LD -1"
  check import 0 "$bin" import --results "$data/london-boroughs-2014/london_council_election_2014_ward.csv" --out "$tmp/night.json"
  contains import "Read 629 ward declarations (1851 seats) in 32 councils"
  check reimport 0 "$bin" parties --night "$tmp/night.json";  contains reimport "after 32 of 32 councils"
  blt="$data/scotland-stv/blt/edinburgh_2012_ward1.blt"
  check stv-almond 0 "$bin" stv "$blt" --decimals 2;  contains stv-almond "Elected 3: Alastair Gordon SHIELDS (LD) (stage 7)"
  check scotland 0 "$bin" council aberdeen-city --results "$data/scotland-stv/index.csv" --date 2017-05-04 --allow-unknown-parties
  contains scotland "SNP 19, Con 11, Lab 9, LD 4"
  sv="$data/mayoral-supplementary-vote/sv_official_results_compiled.csv"
  check mayor 0 "$bin" mayor "$sv" --contest mayor.tower-hamlets.2018-05-03
  contains mayor "Tower Hamlets mayor: John Biggs (Labour) elected after second choices"
  check mayor-none 3 "$bin" mayor "$sv" --contest mayor.nowhere.2018-05-03
  # Marginality on London 2014: the second party (Labour) in Wandsworth and Barnet, wards named.
  l14="$data/london-boroughs-2014/london_council_election_2014_ward.csv"
  check wandsworth 0 "$bin" marginality wandsworth --party Lab --results "$l14"
  contains wandsworth "Labour (19 seats, 60 candidates): would win control with 12 more seats"
  contains wandsworth "extra votes: 2956 in 6 wards: Bedford 180 (1 seat), Earlsfield 281 (1 seat), Fairfield 1000 (3 seats), Queenstown 124 (2 seats), Shaftesbury 903 (3 seats), West Hill 468 (2 seats)"
  contains wandsworth "votes switched to it: 1479 in 6 wards"
  check barnet 0 "$bin" marginality barnet --results "$l14"
  contains barnet "Labour (30 seats, 63 candidates): would win control with 2 more seats"
  contains barnet "extra votes: 127 in 2 wards: Brunswick Park 80 (1 seat), Childs Hill 47 (1 seat)"
  contains barnet "votes switched to it: 69 in 1 ward: Childs Hill 69 from Con (2 seats)"
  contains barnet "votes lost: 74 in 1 ward: Childs Hill 74 (1 seat)"
  check barnet-json 0 "$bin" marginality barnet --party LAB --json --results "$l14"
  python3 -c 'import json,sys; t=open(sys.argv[1]).read(); d=json.loads(t[t.index("{"):]); m=d["parties"][0]["extra_votes"]; assert m["votes"]==127 and [w["name"] for w in m["wards"]]==["Brunswick Park","Childs Hill"], m' "$tmp/out" \
    && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL barnet-json"; cat "$tmp/out"; }
  check closest-london 0 "$bin" closest --results "$l14" --limit 2; contains closest-london "Barnet"
  l22="london-2022:$data/london-boroughs-2022-gla/candidate_level_cleaned_2022.csv,$data/london-boroughs-2022-gla/ward_level_cleaned_2022.csv"
  check swing-london 0 "$bin" swing CON LAB --results "$l22" --previous "$l14"
  contains swing-london "Butler swing from Conservative to Labour: 1.61 points"
  contains swing-london "over 59 wards fought both times"
  check pns-london 0 "$bin" pns --results "$l22" --previous "$l14" --json
  python3 -c 'import json,sys; t=open(sys.argv[1]).read(); d=json.loads(t[t.index("{"):]); assert d["wards"]==59 and d["method"]=="top-candidate", d' "$tmp/out" \
    && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL pns-london"; cat "$tmp/out"; }
  ge17="$data/ge2017-hoc-constituency/HoC-GE2017-constituency-results.csv"
  check commons 0 "$bin" commons --ge "$ge17" --share CON=35,LAB=35,LD=16 --simulations 2000 --seed 3 --json
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert sum(s["seats"] for s in d["seats"])==650 and d["majority_line"]==326 and abs(sum(o["probability"] for o in d["simulation"]["outcomes"])-1)<1e-9, d' "$tmp/out" \
    && passed=$((passed+1)) || { failed=$((failed+1)); echo "FAIL commons-json"; cat "$tmp/out"; }
elif [ "${CI:-}" = "true" ]; then
  failed=$((failed+1)); echo "FAIL: CI=true but $lga is missing"
else
  echo "skipping the real-data checks: ../shared/data is absent"
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
