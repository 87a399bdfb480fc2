#!/usr/bin/env bash
# Bytes on disk per logged decision: starts the service (database mode, embedded MariaDB) on a
# fresh data directory, logs DECISIONS decisions through batch advice, and reports how much the
# decision log's table files grew per decision (records, their indexes, the derived audit indexes
# and the customer state), measured between a warm-up of 10,000 decisions and the end.
# Usage: load/disk.sh [DECISIONS]   (default 100000; after `mvn package`)
set -euo pipefail
decisions=${1:-100000}
port=${PORT:-18085}
cd "$(dirname "$0")/.."
data=target/disk-data
rm -rf "$data"
key=disk-$RANDOM$RANDOM$RANDOM
work=$(mktemp -d)
GUANXI_API_KEYS="$key=ADVICE_CLIENT" GUANXI_WATCH_RULES=false GUANXI_DATA_DIR="$data" \
    MICRONAUT_SERVER_PORT=$port java -jar target/guanxi.jar > target/disk-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 1; done

# Batches of 1,000, as in production: see load/batches.py.
load/batches.py "$work" "$decisions" DISK 0 0.1 0.3 0.55 0.7 0.85 1

# Writes every changed page of the log's tables to their files first: a page-compressed table
# (V15) allocates its blocks only when a page is written, so unflushed pages would count as nothing.
flush() {
    local socket
    socket=$(ps -o args= -C mariadbd | grep -F -- "$(realpath "$data")" | grep -o -- '--socket=[^ ]*' | cut -d= -f2)
    "$data/mariadb-base/bin/mariadb" --skip-ssl -uroot --socket="$socket" guanxi -e \
        "FLUSH TABLES decision_record, decision_rule_bitmap, decision_index, customer_state FOR EXPORT; UNLOCK TABLES;"
}

tables() {
    flush
    python3 - "$data/mariadb-data/guanxi" <<'PY'
import os, sys
d = sys.argv[1]
for name in ("decision_record", "decision_rule", "decision_rule_bitmap", "decision_index", "customer_state"):
    p = os.path.join(d, name + ".ibd")
    if os.path.exists(p):
        print(name, os.stat(p).st_blocks * 512, os.stat(p).st_size)
PY
}

sent=0
for batch in "$work"/*.json; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/v1/advice/batch" \
        -H "X-API-Key: $key" -H 'Content-Type: application/json' --data-binary "@$batch")
    [ "$status" = 200 ] || { echo "batch answered $status" >&2; exit 1; }
    sent=$((sent + 1000))
    [ "$sent" -eq 10000 ] && tables > "$work/before.txt"
done
sleep 5   # let the indexer (if any) catch up with the chain
tables > "$work/after.txt"
python3 - "$work/before.txt" "$work/after.txt" "$((sent - 10000))" <<'PY'
import sys
read = lambda p: {l.split()[0]: (int(l.split()[1]), int(l.split()[2])) for l in open(p)}
before, after, n = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
total = apparent = 0
for name in after:
    grown = after[name][0] - before.get(name, (0, 0))[0]
    total += grown
    apparent += after[name][1] - before.get(name, (0, 0))[1]
    print(f"{name:16} {grown / n:8.0f} bytes a decision")
print(f"{'total':16} {total / n:8.0f} bytes a decision on disk (growth of the allocated blocks over {n:,} decisions)")
print(f"{'apparent size':16} {apparent / n:8.0f} bytes a decision (growth of the files' length: page compression punches holes)")
PY
