#!/usr/bin/env bash
# Every verb of ./collections, run once from this checkout as a newcomer would (CI runs it after the tests).
# Uses the database 'collections' and the private cluster and broker; prints one line per verb.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port="${COLLECTIONS_SMOKE_PORT:-5090}"
log="$(mktemp -d)"
failed=0

check() { # name, command...
  local name="$1"; shift
  if "$@" >"$log/$name.log" 2>&1; then echo "verb ok:     $name"; else echo "verb FAILED: $name (log: $log/$name.log)"; tail -n 20 "$log/$name.log"; failed=1; fi
}

run_answers_health() {
  COLLECTIONS_PORT="$port" ./collections run & local pid=$!
  local code=""
  for _ in $(seq 1 120); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)"
    [[ "$code" == 200 ]] && break
    sleep 1
  done
  curl -sf "http://127.0.0.1:$port/dashboard/" >/dev/null && curl -sf "http://127.0.0.1:$port/openapi/v1.json" >/dev/null
  # The README's three lines: a token, then an authenticated call; without the token, 401.
  local token answered anonymous
  token="$(./collections token --role credit-manager --name "Morgan Hale")"
  answered="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/reports/aging")"
  anonymous="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/reports/aging")"
  kill "$pid"; wait "$pid" || true
  echo "health $code, aging with a token $answered, without $anonymous"
  [[ "$code" == 200 && "$answered" == 200 && "$anonymous" == 401 ]]
}

check help ./collections help
check start ./collections start
check status ./collections status
check psql ./collections psql -c 'select 1'
check rabbitmqctl ./collections rabbitmqctl status
check seed ./collections seed --accounts 50 --prefix SMOKE
check rebuild ./collections rebuild
check token ./collections token --role auditor --name "Ada Auditor"
check run run_answers_health
check bench ./collections bench --accounts 100 --samples 3
check stop ./collections stop
exit "$failed"
