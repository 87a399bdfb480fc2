#!/usr/bin/env bash
# The baseline figure: in-memory POST /v1/advice throughput divided by GET /v1/ruleset throughput
# on the same server, for one or more running services (for instance two builds side by side, each
# started in in-memory mode). Each is warmed up (advice 40 s, rule set 5 s), then every round
# measures advice and then the rule set on each service in turn; only the ratio within one window
# pair means something on a shared machine.
#
# Usage: GUANXI_KEY=<ADVICE_CLIENT key> load/baseline.sh [ROUNDS] URL...   (needs wrk)
set -euo pipefail
rounds=$1; shift
cd "$(dirname "$0")"
rps() { wrk -t2 -c16 -d15s -s "$1" "$2" | awk '/Requests\/sec/ {print $2}'; }
for url in "$@"; do
  wrk -t2 -c16 -d40s -s advice.lua "$url" > /dev/null
  wrk -t2 -c16 -d5s -s ruleset.lua "$url/v1/ruleset" > /dev/null
done
for round in $(seq "$rounds"); do
  for url in "$@"; do
    advice=$(rps advice.lua "$url")
    ruleset=$(rps ruleset.lua "$url/v1/ruleset")
    awk -v r="$round" -v u="$url" -v a="$advice" -v g="$ruleset" \
        'BEGIN {printf "[%s %s] advice %s req/s, ruleset %s req/s, ratio %.2f\n", r, u, a, g, a / g}'
  done
done
