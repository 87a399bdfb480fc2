#!/usr/bin/env bash
# Logged decisions a second through POST /v1/advice/batch: one client posting batches of 1,000
# advice requests (new customers in every batch) back to back, against a running service.
# Usage: GUANXI_KEY=<ADVICE_CLIENT key> load/batch.sh [URL] [WARM-UP SECONDS] [SECONDS]
set -euo pipefail
: "${GUANXI_KEY:?set GUANXI_KEY to an ADVICE_CLIENT API key}"
url=${1:-http://127.0.0.1:8080}
warmup=${2:-25}
seconds=${3:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Forty different batches, each of 1,000 customers, reused round-robin: a customer seen again is
# decided against its stored stage, as in production.
python3 - "$work" <<'PY'
import json, sys, uuid
run = uuid.uuid4().hex[:6]
for b in range(40):
    items = [{"customerId": f"BATCH-{run}-{b}-{i}", "purchaseShare": round(0.30 + (i % 5) * 0.1, 2),
              "annualRevenue": 500000, "profitMargin": 0.15, "revenueTrend": 0.05, "orderCount12m": 12,
              "tenureMonths": 24, "segmentSize": "MEDIUM"} for i in range(1000)]
    with open(f"{sys.argv[1]}/{b}.json", "w") as f:
        json.dump({"items": items}, f)
PY

# Posts batches for the given seconds; prints how many went through, each answered 200.
post_for() {
    local end=$(( $(date +%s) + $1 )) sent=0 status
    while [ "$(date +%s)" -lt "$end" ]; do
        status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/v1/advice/batch" \
            -H "X-API-Key: $GUANXI_KEY" -H 'Content-Type: application/json' \
            --data-binary "@$work/$(( sent % 40 )).json")
        [ "$status" = 200 ] || { echo "batch answered $status" >&2; exit 1; }
        sent=$(( sent + 1 ))
    done
    echo "$sent"
}

post_for "$warmup" > /dev/null
start=$(date +%s.%N)
batches=$(post_for "$seconds")
end=$(date +%s.%N)
python3 -c "print(f'{$batches} batches of 1,000 in {$end - $start:.1f} s: {$batches * 1000 / ($end - $start):,.0f} logged decisions/s')"
