#!/usr/bin/env bash
# Builds the Cmdb host, starts it on a free loopback port over a throw-away database, waits for /health, runs the
# graphql-http audit suite (audit.mjs) against /graphql, then stops the host. Exit code: the audit's (1 = a MUST
# audit failed), or non-zero when the host could not be built or started.
# Usage: tests/audit/run-audit.sh            (ARTIFACTS_PATH=/tmp/x to build into an isolated artifacts folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
artifacts="${ARTIFACTS_PATH:-$repo/artifacts}"
work="$(mktemp -d)"
host_pid=""

cleanup() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill "$host_pid" && wait "$host_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
dotnet build "$repo/src/Cmdb.Host" -p:ArtifactsPath="$artifacts" -nologo -v quiet

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
url="http://127.0.0.1:$port"
# Run the built app directly (not `dotnet run`), so $host_pid is the server itself and stopping it is exact.
dotnet "$artifacts/bin/Cmdb.Host/debug/Cmdb.Host.dll" --urls "$url" \
  --Cmdb:Storage:Sqlite:DatabasePath="$work/cmdb.db" --Cmdb:Discovery:SchedulerEnabled=false >"$work/host.log" 2>&1 &
host_pid=$!

for _ in $(seq 1 60); do
  if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$host_pid" 2>/dev/null; then echo "the host exited during start-up:" >&2; cat "$work/host.log" >&2; exit 1; fi
  sleep 1
done
curl -fsS "$url/health" >/dev/null || { echo "the host did not become healthy within 60 s:" >&2; cat "$work/host.log" >&2; exit 1; }

node "$here/audit.mjs" "$url/graphql"
