#!/usr/bin/env bash
# Replay speed of an impact simulation: starts the service (database mode, embedded MariaDB, heap
# capped at HEAP so that memory must stay bounded) on a fresh data directory, logs DECISIONS
# decisions through batch advice, then replays the whole log with the live rule set
# (POST /v1/simulations {}) and prints replayed decisions per second, with the determinism proof:
# how many of them the replay reproduced.
# Usage: load/simulate.sh [DECISIONS]   (default 200000; after `mvn package`)
set -euo pipefail
decisions=${1:-200000}
port=${PORT:-18086}
heap=${HEAP:-384m}
cd "$(dirname "$0")/.."
data=target/simulate-data
rm -rf "$data"
key=sim-$RANDOM$RANDOM$RANDOM
work=$(mktemp -d)
GUANXI_API_KEYS="$key=ADVICE_CLIENT+ANALYST" GUANXI_WATCH_RULES=false GUANXI_DATA_DIR="$data" \
    MICRONAUT_SERVER_PORT=$port java "-Xmx$heap" -jar target/guanxi.jar > target/simulate-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 1; done

# The customers and facts of load/disk.sh, with shares either side of 0.85 for the worked example.
load/batches.py "$work" "$decisions" SIM 0 0.1 0.3 0.55 0.7 0.82 0.85 1

for batch in "$work"/*.json; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/v1/advice/batch" \
        -H "X-API-Key: $key" -H 'Content-Type: application/json' --data-binary "@$batch")
    [ "$status" = 200 ] || { echo "batch answered $status" >&2; exit 1; }
done
echo "logged $decisions decisions"

location=$(curl -sf -X POST "http://127.0.0.1:$port/v1/simulations" -H "X-API-Key: $key" \
    -H 'Content-Type: application/json' -d '{}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["location"])')
while :; do
    curl -sf "http://127.0.0.1:$port$location" -H "X-API-Key: $key" > "$work/view.json"
    grep -q '"state":"RUNNING"' "$work/view.json" || break
    sleep 1
done
python3 - "$work/view.json" "$heap" <<'PY'
import json, sys
view = json.load(open(sys.argv[1]))
assert view["state"] == "DONE", view
r = view["report"]
c, s = r["counts"], r["ranAgainst"]["seconds"]
print(f"replayed {c['replayed']:,} decisions in {s:.1f} s: {c['replayed'] / s:,.0f} decisions/s (heap {sys.argv[2]})")
print(f"reproduced {c['reproduced']:,}, not reproduced {c['notReproduced']}, changed {c['changed']}, skipped {c['skipped']}")
PY
