#!/usr/bin/env bash
# Throughput of POST /v1/advice with the full decision log (hash chain + state + record committed in
# MariaDB) against the benchmark-only in-memory mode, back to back on the same machine.
# Usage: load/compare.sh [DURATION] [WARMUP]   (defaults 15s 40s; after `mvn package`; needs wrk)
# Writes target/perf-<mode>.log (service), -wrk.txt (load) and -top.txt (CPU per process).
set -euo pipefail
duration=${1:-15s}
# The JIT needs a while: throughput still climbs for ~40 s after start (measured), so warm up long.
warmup=${2:-40s}
port=${PORT:-18080}
cd "$(dirname "$0")/.."
data=${GUANXI_DATA_DIR:-target/perf-data}
url=http://127.0.0.1:$port
# A throw-away key for this run only: the services below accept it, wrk and curl send it.
export GUANXI_KEY=${GUANXI_KEY:-compare-$RANDOM$RANDOM}
keys="$GUANXI_KEY=ADVICE_CLIENT+AUDITOR"

measure() {
  local mode=$1; shift
  env "$@" GUANXI_API_KEYS="$keys" GUANXI_WATCH_RULES=false GUANXI_DATA_DIR="$data" \
      MICRONAUT_SERVER_PORT="$port" java -jar target/guanxi.jar \
      > "target/perf-$mode.log" 2>&1 &
  local pid=$!
  for _ in $(seq 120); do curl -sf "$url/health" > /dev/null && break; sleep 1; done
  wrk -t2 -c16 -d"$warmup" -s load/advice.lua "$url" > /dev/null 2>&1
  uptime | sed "s/^/[$mode] before: /"
  wrk -t2 -c16 -d"$duration" --latency -s load/advice.lua "$url" > "target/perf-$mode-wrk.txt" 2>&1 &
  local load=$!
  sleep 1
  local db; db=$(pgrep -d, -P "$pid" mariadbd || true)
  top -b -n 4 -d 4 -p "$pid,$load${db:+,$db}" > "target/perf-$mode-top.txt"
  wait "$load"
  grep -E "Requests/sec|Non-2xx|Socket errors|  (50|99)%" "target/perf-$mode-wrk.txt" | sed "s/^/[$mode] /" || true
  # top's first frame has no interval behind it: show the three that follow.
  awk -v m="$mode" '/^top -/ {frame++} frame < 2 {next} /^%Cpu/ {print "[" m "] machine " $0}
      /^ *[0-9]+ / {print "[" m "] " $12 " " $9 "%"}' "target/perf-$mode-top.txt"
  curl -s -H "X-API-Key: $GUANXI_KEY" "$url/v1/audit/head" | sed "s/^/[$mode] head /" || echo "[$mode] head not readable"; echo
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

measure database
measure in-memory GUANXI_BENCHMARK_IN_MEMORY=true
