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
# target/perf-<mode>-<round>-wrk.txt and -cpu.txt (CPU time per decision of every thread group of
# the service, its MariaDB and wrk, sampled from /proc over 10 s in the middle of the window, from
# the per-thread samples -ticks-before.txt and -ticks-after.txt).
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

. load/quiet.sh # quiet: until the machine has been idle for two seconds in a row

# "<tid> <process>/<thread group> <ticks>" for every thread of the given processes: the group is
# the thread's name without its number (io-executor-thread-7 -> io-executor-thread-), the ticks
# its user + system CPU time so far (1/100 s each).
thread_ticks() {
  local p t name stat proc
  for p in "$@"; do
    proc=$(cat "/proc/$p/comm" 2> /dev/null) || continue
    for t in /proc/"$p"/task/*; do
      name=$(cat "$t/comm" 2> /dev/null) && stat=$(cat "$t/stat" 2> /dev/null) || continue
      read -ra f <<< "${stat##*) }"
      name=${name%%[0-9#]*}
      echo "${t##*/} $proc/${name// /_} $((f[11] + f[12]))"
    done
  done
}

# CPU time per decision (us) of each thread group over a 10 s sample, busiest first, then the
# total of each process: "<group> <us>" lines.
cpu_per_decision() {
  local rps=$1 before=$2 after=$3
  awk -v rps="$rps" 'NR == FNR {start[$1] = $3; next}
      {used = $3 - ($1 in start ? start[$1] : 0); group[$2] += used; split($2, p, "/"); proc[p[1]] += used}
      END {for (g in group) if (group[g] > 0) printf "%s %.0f\n", g, group[g] * 1e4 / (10 * rps)
           for (q in proc) printf "%s:total %.0f\n", q, proc[q] * 1e4 / (10 * rps)}' "$before" "$after" |
      sort -k2,2nr
}

measure() {
  local mode=$1 round=$2 out=target/perf-$1-$2
  quiet
  wrk -t2 -c16 -d"$duration" --latency -s load/advice.lua "${url[$mode]}" > "$out-wrk.txt" 2>&1 &
  local load=$!
  sleep 2
  local procs=("${pid[$mode]}" "$load" $(pgrep -P "${pid[$mode]}" mariadbd || true))
  thread_ticks "${procs[@]}" > "$out-ticks-before.txt"
  sleep 10
  thread_ticks "${procs[@]}" > "$out-ticks-after.txt"
  wait "$load"
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' "$out-wrk.txt")
  cpu_per_decision "$rps" "$out-ticks-before.txt" "$out-ticks-after.txt" > "$out-cpu.txt"
  local cpu; cpu=$(awk '$1 ~ /:total$/ {sub(/:total$/, "", $1); printf "%s %s us  ", $1, $2}' "$out-cpu.txt")
  local p50 p99; p50=$(awk '$1 == "50%" {print $2}' "$out-wrk.txt"); p99=$(awk '$1 == "99%" {print $2}' "$out-wrk.txt")
  printf '[%s %s] %s req/s  p50 %s  p99 %s  CPU a decision: %s%s\n' "$round" "$mode" "$rps" "$p50" "$p99" "$cpu" \
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
for mode in database in-memory; do
  echo "[$mode] CPU a decision by thread group, median over the rounds (us):"
  for round in $(seq "$rounds"); do cat "target/perf-$mode-$round-cpu.txt"; done | sort -k1,1 -k2,2n |
      awk '{v[$1] = v[$1] " " $2; n[$1]++}
          END {for (g in v) {split(v[g], x, " "); printf "  %-42s %6d\n", g, x[int((n[g] + 1) / 2)]}}' |
      sort -k2,2nr | awk '$2 >= 3'
done
curl -s -H "X-API-Key: $GUANXI_KEY" "${url[database]}/v1/audit/head" | sed "s/^/[database] head /"; echo
