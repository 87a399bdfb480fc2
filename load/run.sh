#!/usr/bin/env bash
# Loopback load on POST /v1/advice: 16 connections, distinct customers, against a running service.
# Usage: GUANXI_KEY=<ADVICE_CLIENT key> load/run.sh [URL] [DURATION]   (needs wrk: apt-get install wrk)
set -euo pipefail
: "${GUANXI_KEY:?set GUANXI_KEY to an ADVICE_CLIENT API key}"
url=${1:-http://127.0.0.1:8080}
duration=${2:-15s}
cd "$(dirname "$0")"
wrk -t2 -c16 -d"$duration" --latency -s advice.lua "$url"
