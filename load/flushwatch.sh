#!/usr/bin/env bash
# Single advice latency against InnoDB's page flushing over minutes of steady load: back-to-back
# windows of `wrk -t2 -c16 -s load/advice.lua`, each line the window's throughput, p99 and max,
# then the embedded MariaDB's dirty pages, pages flushed so far and checkpoint age (redo written
# since the last checkpoint) at its end. Shows when latency rises with the page cleaner's work.
# Usage: GUANXI_KEY=<ADVICE_CLIENT key> load/flushwatch.sh DATA_DIR [URL] [WINDOWS] [SECONDS]
#   DATA_DIR is the running service's GUANXI_DATA_DIR (its MariaDB is asked through its socket);
#   defaults http://127.0.0.1:8080, 60 windows of 5 s. Needs wrk.
set -euo pipefail
: "${GUANXI_KEY:?set GUANXI_KEY to an ADVICE_CLIENT API key}"
[ $# -ge 1 ] || { sed -n 2,8p "$0"; exit 2; }
data=$(cd "$1" && pwd)
url=${2:-http://127.0.0.1:8080}
windows=${3:-60}
seconds=${4:-5}
cd "$(dirname "$0")/.."
# The server of that data directory whose socket is there (one still stopping may have lost it).
socket=
for s in $(ps -eo args | grep "[m]ariadbd" | grep -F -- "--datadir=$data/" | grep -o -- '--socket=[^ ]*' | cut -d= -f2); do
  [ -S "$s" ] && socket=$s && break
done
[ -n "$socket" ] || { echo "no MariaDB of $data is running" >&2; exit 1; }
innodb() {
  "$data/mariadb-base/bin/mariadb" -uroot -S "$socket" --skip-ssl -N -e "SHOW GLOBAL STATUS WHERE Variable_name
      IN ('Innodb_buffer_pool_pages_dirty', 'Innodb_buffer_pool_pages_flushed', 'Innodb_checkpoint_age')" |
    awk '{v[$1] = $2} END {printf "dirty %d, flushed %d, checkpoint age %d MB",
        v["Innodb_buffer_pool_pages_dirty"], v["Innodb_buffer_pool_pages_flushed"], v["Innodb_checkpoint_age"] / 1048576}'
}
for w in $(seq "$windows"); do
  wrk -t2 -c16 -d"$seconds"s --latency -s load/advice.lua "$url" |
    awk -v w="$w" -v t="$(date +%T)" '/Requests\/sec/ {rps = $2} $1 == "99%" {p99 = $2}
        $1 == "Latency" && NF > 3 {max = $4} END {printf "%s window %d: %d advice/s, p99 %s, max %s; ", t, w, rps, p99, max}'
  echo "$(innodb)"
done
