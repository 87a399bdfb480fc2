#!/usr/bin/env bash
# Throughput of POST /v1/advice in database mode with a shadow experiment on (every request also
# decided by the challenger, its result stored in the record) against no experiment, in
# alternating windows of one run on one service: the cost of shadow mode is the challenger's
# evaluation and the larger record. Target: shadow >= 0.8x.
#
# Usage: load/experiment.sh [DURATION] [WARMUP] [ROUNDS]   (defaults 15s 60s 3; after `mvn package`; needs wrk)
#
# The service runs on a copy of rules/ in target/perf-experiment-rules, where the challenger is made
# the way an analyst would: STRATEGIC from a share of 0.85 instead of 0.80 (the worked example of
# rules/README.md), reloaded, then the shipped rules rolled back to as the champion. Each round
# measures a window without an experiment and one with a 100 % shadow experiment (stopped after
# it), in turn first, so that neither pays more often for the drift or the purge of the one before. The machine is shared and drifts: only the ratio within a round means
# something; the median over the rounds is the figure to quote. Writes target/perf-experiment.log
# and target/perf-experiment-<mode>-<round>-wrk.txt.
set -euo pipefail
duration=${1:-15s}
warmup=${2:-60s}
rounds=${3:-3}
port=${PORT:-18090}
cd "$(dirname "$0")/.."
url=http://127.0.0.1:$port
rules=target/perf-experiment-rules
export GUANXI_KEY=${GUANXI_KEY:-experiment-$RANDOM$RANDOM}
rm -rf "$rules" && cp -r rules "$rules"
GUANXI_API_KEYS="$GUANXI_KEY=ADVICE_CLIENT+AUDITOR+RULES_ADMIN" GUANXI_WATCH_RULES=false GUANXI_RULES_DIR="$rules" \
    GUANXI_DATA_DIR="${GUANXI_DATA_DIR:-target/perf-data}" MICRONAUT_SERVER_PORT="$port" \
    java -jar target/guanxi.jar > target/perf-experiment.log 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "$url/health" > /dev/null && break; sleep 1; done

call() { curl -sf -H "X-API-Key: $GUANXI_KEY" -H 'Content-Type: application/json' "$@"; }
field() { sed -E "s/.*\"$1\": ?\"?([^\",]*).*/\1/"; }

champion=$(call "$url/v1/ruleset" | field version)
sed -i 's/0\.80/0.85/g' "$rules/cooperation-stage.drl"
sed -i -E 's/purchaseShare: 0\.8\b/purchaseShare: 0.9/' "$rules"/tests/*.yaml
challenger=$(call -X POST "$url/v1/ruleset/reload" | field version)
call -X POST "$url/v1/ruleset/rollback" -d "{\"version\": \"$champion\"}" > /dev/null
echo "champion $champion, challenger $challenger"

wrk -t2 -c16 -d"$warmup" -s load/advice.lua "$url" > /dev/null 2>&1

measure() {
  local mode=$1 round=$2 out=target/perf-experiment-$1-$2-wrk.txt
  sleep 3 # MariaDB's purge of the previous window
  wrk -t2 -c16 -d"$duration" --latency -s load/advice.lua "$url" > "$out" 2>&1
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  printf '[%s %s] %s req/s  p99 %s\n' "$round" "$mode" "$rps" "$(awk '$1 == "99%" {print $2}' "$out")"
  echo "$rps" > "target/perf-experiment-$mode-$round.rps"
}

shadow() {
  id=$(call -X POST "$url/v1/experiments" -d "{\"challenger\": \"$challenger\", \"mode\": \"shadow\", \"note\": \"load\"}" | field id)
  measure shadow "$1"
  call -X POST "$url/v1/experiments/$id/stop" > /dev/null
}

ratios=()
for round in $(seq "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then measure off "$round"; shadow "$round"; else shadow "$round"; measure off "$round"; fi
  ratios+=("$(awk -v s="$(cat "target/perf-experiment-shadow-$round.rps")" \
      -v o="$(cat "target/perf-experiment-off-$round.rps")" 'BEGIN {printf "%.2f", s / o}')")
  echo "[$round] shadow / off ${ratios[-1]}"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{r[NR] = $1} END {print "median shadow / off " r[int((NR + 1) / 2)] " over " NR " rounds"}'
call "$url/v1/experiments/$id/report" | head -c 600; echo
