#!/usr/bin/env bash
# Runs the measurements of docs/benchmarks.md one after another and keeps each log in $OUT.
# Usage: tests/Cmdb.Benchmarks/run-all.sh [step ...]   (default: every step, in this order)
# Steps: estate index traversal import-10k import-100k startup-100k graphql bdn import-1m startup-1m
# Environment: CIS (default 1000000) for estate/index/traversal/bdn, ART (build output), OUT (logs), PORT (host, 127.0.0.1).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ART=${ART:-/tmp/art-bench}
OUT=${OUT:-/tmp/cmdb-bench/results}
CIS=${CIS:-1000000}
PORT=${PORT:-5099}
STEPS=${*:-estate index traversal import-10k import-100k startup-100k graphql bdn import-1m startup-1m}
mkdir -p "$OUT"

dotnet build "$ROOT/tests/Cmdb.Benchmarks" -c Release -p:ArtifactsPath="$ART" -nologo -v q
dotnet build "$ROOT/src/Cmdb.Host" -c Release -p:ArtifactsPath="$ART" -nologo -v q
BENCH="$ART/bin/Cmdb.Benchmarks/release/Cmdb.Benchmarks"
HOST="$ART/bin/Cmdb.Host/release/Cmdb.Host"

run() {
  local name=$1; shift
  echo "== $name: Cmdb.Benchmarks $* (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  "$BENCH" "$@" 2>&1 | tee "$OUT/$name.log"
}

graphql() {
  local db=/tmp/cmdb-bench/import-100000-42.db
  [ -f "$db" ] || run import-100k import --cis 100000 --chunk 1000000
  ( cd "$(dirname "$HOST")" && Cmdb__Storage__Sqlite__DatabasePath="$db" Cmdb__Seed__LoadDemoEstate=false \
      Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production exec "$HOST" --urls "http://127.0.0.1:$PORT" \
      > "$OUT/host.log" 2>&1 ) &
  local pid=$!
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$PORT/graphql" && break
    sleep 0.5
  done
  run graphql graphql --cis 100000 --url "http://127.0.0.1:$PORT/graphql" --seconds 10 --max-requests 200000 --concurrency 1,4 || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for step in $STEPS; do
  case $step in
    estate) run estate estate --cis "$CIS" ;;
    index) run index index --cis "$CIS" --runs 5; run index-memory index --cis "$CIS" --runs 0 ;;
    traversal) run traversal traversal --cis "$CIS" --seconds 5 ;;
    import-10k) run import-10k import --cis 10000 --chunk 1000000 ;;
    import-100k) run import-100k import --cis 100000 --chunk 1000000 ;;
    graphql) graphql ;;
    bdn) run bdn bdn --cis "$CIS" ;;
    import-1m) run import-1m import --cis 1000000 --chunk 500000 --startup-runs 3 ;;
    # Start-up again in a fresh process: no leftovers of the import in the heap.
    startup-100k) run startup-100k startup --db /tmp/cmdb-bench/import-100000-42.db --startup-runs 3 ;;
    startup-1m) run startup-1m startup --db /tmp/cmdb-bench/import-1000000-42.db --startup-runs 3 ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
