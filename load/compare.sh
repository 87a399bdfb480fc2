#!/usr/bin/env bash
# Throughput of POST /v1/advice with the full decision log (hash chain + state + record committed in
# MariaDB) against the benchmark-only in-memory mode, measured in alternating windows of one run.
#
# Usage: load/compare.sh [DURATION] [WARMUP] [ROUNDS]   (defaults 15s 60s 5; after `mvn package`; needs wrk)
#
# Both services run side by side (database mode on $PORT, in-memory on $PORT+1) and are warmed up
# first: throughput still climbs for ~40 s after start while the JIT compiles. Then each round
# measures one window of each, the database first; before every window the machine must be quiet
# (MariaDB's background purge of the previous window done), so neither mode pays for the other.
# The machine is shared and its speed drifts by up to 2x over minutes: only the ratio within a
# round means something, and the median over the rounds is the figure to quote.
# The database mode keeps its data in $GUANXI_DATA_DIR (default target/perf-data): the log grows
# by every run, as it would in service. Writes target/perf-<mode>.log (service),
# target/perf-<mode>-<round>-wrk.txt and -top.txt.
set -euo pipefail
duration=${1:-15s}
warmup=${2:-60s}
rounds=${3:-5}
port=${PORT:-18080}
cd "$(dirname "$0")/.."
data=${GUANXI_DATA_DIR:-target/perf-data}
# A throw-away key for this run only: the services below accept it, wrk and curl send it.
export GUANXI_KEY=${GUANXI_KEY:-compare-$RANDOM$RANDOM}
keys="$GUANXI_KEY=ADVICE_CLIENT+AUDITOR"
declare -A pid url
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

start() {
  local mode=$1 p=$2; shift 2
  # Each its own embedded MariaDB (the in-memory mode keeps only its rule-set versions there).
  local dir=$data; [ "$mode" = database ] || dir=$data-$mode
  env "$@" GUANXI_API_KEYS="$keys" GUANXI_WATCH_RULES=false GUANXI_DATA_DIR="$dir" \
      MICRONAUT_SERVER_PORT="$p" java -jar target/guanxi.jar > "target/perf-$mode.log" 2>&1 &
  pid[$mode]=$!
  pids+=($!)
  url[$mode]=http://127.0.0.1:$p
}

await() {
  for _ in $(seq 120); do curl -sf "${url[$1]}/health" > /dev/null && return; sleep 1; done
  echo "[$1] did not start; see target/perf-$1.log" >&2
  exit 1
}

# Until the machine has been idle (under 10 % of one core busy) for two seconds in a row.
quiet() {
  local calm=0 a b
  while [ "$calm" -lt 2 ]; do
    a=$(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
    sleep 1
    b=$(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
    if awk -v a="$a" -v b="$b" 'BEGIN {split(a, x, " "); split(b, y, " ");
        exit !((y[1] - x[1]) / (y[2] - x[2]) < 0.05)}'; then calm=$((calm + 1)); else calm=0; fi
  done
}

measure() {
  local mode=$1 round=$2 out=target/perf-$1-$2
  quiet
  wrk -t2 -c16 -d"$duration" --latency -s load/advice.lua "${url[$mode]}" > "$out-wrk.txt" 2>&1 &
  local load=$!
  sleep 1
  local db; db=$(pgrep -d, -P "${pid[$mode]}" mariadbd || true)
  top -b -n 3 -d 4 -p "${pid[$mode]},$load${db:+,$db}" > "$out-top.txt"
  wait "$load"
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' "$out-wrk.txt")
  # top's first frame has no interval behind it: the two that follow.
  local cpu; cpu=$(awk '/^top -/ {frame++} frame < 2 {next} /^ *[0-9]+ / {cpu[$12] += $9; n[$12]++}
      END {for (p in cpu) printf "%s %.0f%%  ", p, cpu[p] / n[p]}' "$out-top.txt")
  local p50 p99; p50=$(awk '$1 == "50%" {print $2}' "$out-wrk.txt"); p99=$(awk '$1 == "99%" {print $2}' "$out-wrk.txt")
  printf '[%s %s] %s req/s  p50 %s  p99 %s  %s%s\n' "$round" "$mode" "$rps" "$p50" "$p99" "$cpu" \
      "$(grep -E 'Non-2xx|Socket errors' "$out-wrk.txt" | tr -s ' ' | tr '\n' ' ')"
  echo "$rps" > "$out.rps"
}

start database "$port"
start in-memory "$((port + 1))" GUANXI_BENCHMARK_IN_MEMORY=true
await database
await in-memory
for mode in database in-memory; do
  quiet
  wrk -t2 -c16 -d"$warmup" -s load/advice.lua "${url[$mode]}" > /dev/null 2>&1
done
ratios=()
for round in $(seq "$rounds"); do
  measure database "$round"
  measure in-memory "$round"
  ratios+=("$(awk -v d="$(cat "target/perf-database-$round.rps")" -v m="$(cat "target/perf-in-memory-$round.rps")" \
      'BEGIN {printf "%.2f", d / m}')")
  echo "[$round] ratio ${ratios[-1]}"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{r[NR] = $1} END {print "median ratio " r[int((NR + 1) / 2)] " over " NR " rounds"}'
curl -s -H "X-API-Key: $GUANXI_KEY" "${url[database]}/v1/audit/head" | sed "s/^/[database] head /"; echo
