#!/usr/bin/env bash
# Batch advice of two builds measured in the same run: both services on fresh data directories
# (database mode), warmed up alike, then rounds that alternate between them, each round starting on
# a quiet machine. Prints every round and the median of each build, and their ratio.
# Usage: [OLD_JAVA_OPTS=…] [NEW_JAVA_OPTS=…] load/ab-batch.sh OLD.jar NEW.jar [ROUNDS] [SECONDS]
#   (JVM options of each side, e.g. to compare two settings of one build: a heap, a GC)
#   e.g. cp target/guanxi.jar /tmp/new.jar; git stash; mvn -o -q package -DskipTests;
#        cp target/guanxi.jar /tmp/old.jar; git stash pop; load/ab-batch.sh /tmp/old.jar /tmp/new.jar 3 20
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,8p "$0"; exit 2; }
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
for p in "${ports[@]}"; do quiet; load/batch.sh "http://127.0.0.1:$p" 25 5 > /dev/null; done

declare -a old new
for r in $(seq "$rounds"); do
  for i in 0 1; do
    quiet
    line=$(load/batch.sh "http://127.0.0.1:${ports[$i]}" 0 "$seconds")
    echo "round $r, $([ "$i" = 0 ] && echo old || echo new): $line"
    rate=$(sed -E 's/.*: ([0-9,]+) logged.*/\1/; s/,//g' <<< "$line")
    if [ "$i" = 0 ]; then old+=("$rate"); else new+=("$rate"); fi
  done
done
python3 - "${old[*]}" "${new[*]}" <<'PY'
import statistics, sys
old, new = ([int(x) for x in a.split()] for a in sys.argv[1:3])
o, n = statistics.median(old), statistics.median(new)
print(f"median logged decisions/s: old {o:,.0f}, new {n:,.0f}; new / old = {n / o:.2f}")
PY
