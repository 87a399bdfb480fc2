#!/usr/bin/env bash
# Two builds measured in the same run, by batch advice (logged decisions/s, load/batch.sh) or by
# single advice (POST /v1/advice, wrk -t2 -c16 -s load/advice.lua, a new customer per request):
# both services on fresh data directories (database mode), warmed up alike, then rounds that
# alternate between them, each round starting on a quiet machine. Prints every round and the
# median of each build, and their ratio.
# Usage: [OLD_JAVA_OPTS=…] [NEW_JAVA_OPTS=…] load/ab.sh batch|advice OLD.jar NEW.jar [ROUNDS] [SECONDS]
#   (JVM options of each side, e.g. to compare two settings of one build: a heap, a GC, or a
#   -Dguanxi.… setting)
#   e.g. cp target/guanxi.jar /tmp/new.jar; git stash; mvn -o -q package -DskipTests;
#        cp target/guanxi.jar /tmp/old.jar; git stash pop; load/ab.sh advice /tmp/old.jar /tmp/new.jar 5 15
set -euo pipefail
[ $# -ge 3 ] && [[ $1 =~ ^(batch|advice)$ ]] || { sed -n 2,10p "$0"; exit 2; }
mode=$1; shift
cd "$(dirname "$0")/.."
. load/quiet.sh
rounds=${3:-3}
seconds=${4:-20}
export GUANXI_KEY=ab-$RANDOM$RANDOM
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null; rm -rf "$work"' EXIT

ports=(18093 18094)
# One after the other, each with its own temporary directory: the embedded MariaDB clears a
# directory under java.io.tmpdir as it starts, and two installing at once break each other.
for i in 0 1; do
  jar=$([ "$i" = 0 ] && echo "$1" || echo "$2")
  read -ra opts <<< "$([ "$i" = 0 ] && echo "${OLD_JAVA_OPTS:-}" || echo "${NEW_JAVA_OPTS:-}")"
  mkdir -p "$work/tmp-$i"
  GUANXI_API_KEYS="$GUANXI_KEY=ADVICE_CLIENT+AUDITOR" GUANXI_WATCH_RULES=false GUANXI_DATA_DIR="$work/data-$i" \
    MICRONAUT_SERVER_PORT=${ports[$i]} java -Djava.io.tmpdir="$work/tmp-$i" "${opts[@]}" -jar "$jar" \
    > "$work/service-$i.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 180); do curl -sf "http://127.0.0.1:${ports[$i]}/health" > /dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:${ports[$i]}/health" > /dev/null || {
    echo "the service on port ${ports[$i]} did not start; its log ends:" >&2; tail -20 "$work/service-$i.log" >&2; exit 1; }
done

# One window on the service at $1 for $2 seconds: "<rate> <what the window printed>".
window() {
  if [ "$mode" = batch ]; then
    local line; line=$(load/batch.sh "$1" 0 "$2")
    echo "$(sed -E 's/.*: ([0-9,]+) logged.*/\1/; s/,//g' <<< "$line") $line"
  else
    wrk -t2 -c16 -d"$2"s --latency -s load/advice.lua "$1" > "$work/wrk.txt" 2>&1
    awk '/Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
        /Non-2xx|Socket errors/ {errors = errors " " $0}
        END {printf "%d %d advice/s, p50 %s, p99 %s%s\n", rps, rps, p50, p99, errors}' "$work/wrk.txt"
  fi
}

for p in "${ports[@]}"; do
  quiet
  if [ "$mode" = batch ]; then load/batch.sh "http://127.0.0.1:$p" 25 5 > /dev/null
  else wrk -t2 -c16 -d40s -s load/advice.lua "http://127.0.0.1:$p" > /dev/null 2>&1; fi
done

declare -a old new
for r in $(seq "$rounds"); do
  for i in 0 1; do
    quiet
    read -r rate line <<< "$(window "http://127.0.0.1:${ports[$i]}" "$seconds")"
    echo "round $r, $([ "$i" = 0 ] && echo old || echo new): $line"
    if [ "$i" = 0 ]; then old+=("$rate"); else new+=("$rate"); fi
  done
done
python3 - "${old[*]}" "${new[*]}" "$mode" <<'PY'
import statistics, sys
old, new = ([int(x) for x in a.split()] for a in sys.argv[1:3])
o, n = statistics.median(old), statistics.median(new)
print(f"median logged {sys.argv[3]} decisions/s: old {o:,.0f}, new {n:,.0f}; new / old = {n / o:.2f}")
PY
