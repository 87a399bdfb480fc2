#!/usr/bin/env bash
# Replay speed of an impact simulation: starts the service (database mode, embedded MariaDB, heap
# capped at HEAP so that memory must stay bounded) on a fresh data directory, logs DECISIONS
# decisions through batch advice, then replays the whole log with the live rule set
# (POST /v1/simulations {}) ROUNDS times and prints replayed decisions per second of each, with the
# determinism proof: how many of them the replay reproduced. Each replay starts on a quiet machine
# (load/quiet.sh). The first runs on code the JIT has not compiled yet (the service has only logged
# so far); the later ones are what a service that has replayed before gets, and their median is the
# figure to quote.
# Usage: load/simulate.sh [DECISIONS] [ROUNDS]   (defaults 200000 3; after `mvn package`)
set -euo pipefail
decisions=${1:-200000}
rounds=${2:-3}
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

. load/quiet.sh
for round in $(seq "$rounds"); do
    quiet # MariaDB flushes (and compresses) the pages of the log just written: a replay waits for it
    location=$(curl -sf -X POST "http://127.0.0.1:$port/v1/simulations" -H "X-API-Key: $key" \
        -H 'Content-Type: application/json' -d '{}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["location"])')
    while :; do
        curl -sf "http://127.0.0.1:$port$location" -H "X-API-Key: $key" > "$work/view.json"
        grep -q '"state":"RUNNING"' "$work/view.json" || break
        sleep 0.5
    done
    cp "$work/view.json" "$work/round-$round.json"
done
python3 - "$heap" "$rounds" "$work" <<'PY'
import json, statistics, sys
heap, rounds, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rates = []
for n in range(1, rounds + 1):
    view = json.load(open(f"{work}/round-{n}.json"))
    assert view["state"] == "DONE", view
    r = view["report"]
    c, s = r["counts"], r["ranAgainst"]["seconds"]
    rates.append(c["replayed"] / s)
    print(f"replay {n}: {c['replayed']:,} decisions in {s:.1f} s: {rates[-1]:,.0f} decisions/s (heap {heap});"
          f" reproduced {c['reproduced']:,}, not reproduced {c['notReproduced']}, changed {c['changed']},"
          f" skipped {c['skipped']}")
    assert c["reproduced"] == c["replayed"], "the live version must reproduce every decision it made"
if len(rates) > 1:
    print(f"median after the first replay: {statistics.median(rates[1:]):,.0f} decisions/s")
PY
