#!/usr/bin/env bash
# Logged decisions a second through POST /v1/advice/batch: one client posting batches of 1,000
# advice requests (new customers in every batch) back to back, against a running service.
# Usage: GUANXI_KEY=<ADVICE_CLIENT key> load/batch.sh [URL] [WARM-UP SECONDS] [SECONDS]   (needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
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

# Posts batches for the given seconds from one client on one kept-alive connection (wrk, as a
# CRM back end with an HTTP connection pool would); prints its line from load/batch.lua. (Until
# 2026-12-05 a new curl process and connection per batch, whose start-up added ~10 ms to each.)
post_for() {
    GUANXI_BATCH_DIR=$work wrk -t1 -c1 -d"$1s" --timeout 60s -s load/batch.lua "$url" | grep '^batches '
}

if [ "$warmup" -gt 0 ]; then post_for "$warmup" > /dev/null; fi
read -r _ batches _ failed _ micros <<< "$(post_for "$seconds")"
[ "$failed" = 0 ] || { echo "$failed batch(es) not answered 200" >&2; exit 1; }
python3 -c "print(f'{$batches} batches of 1,000 in {$micros / 1e6:.1f} s: {$batches * 1e9 / $micros:,.0f} logged decisions/s')"
