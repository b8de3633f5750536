#!/usr/bin/env bash
# One webhook body listing many runs, against the packaged service on its embedded defaults (H2 file, rules, the
# built-in tracker): how long until every run is an incident, and what it costs in memory and on disk.
# Usage: bench/amplification.sh [runs=100] [kilobytes of error text per run=10] [port=18080]
# Needs: app-http/target/rca-assistant.jar (mvn -B -DskipTests package), python3, curl.
set -euo pipefail
runs=${1:-100}
kb=${2:-10}
port=${3:-18080}
jar=$(cd "$(dirname "$0")/.." && pwd)/app-http/target/rca-assistant.jar
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"

python3 - "$runs" "$kb" > body.json <<'PY'
import json, sys, uuid
runs, kb = int(sys.argv[1]), int(sys.argv[2])
print(json.dumps([{"dataFactoryName": "adf-prod", "pipelineName": "PL_Sales_%d" % i,
                   "pipelineRunId": str(uuid.UUID(int=i + 1)), "failedActivityName": "Copy sales",
                   "errorCode": "2200",
                   "message": "Upload file failed. " + ("detail %d " % i) * (kb * 100)} for i in range(runs)]))
PY

RCA_BIND=127.0.0.1 RCA_PORT=$port RCA_MAX_RUNS_PER_WEBHOOK=$runs java -jar "$jar" serve \
  > serve.log 2>&1 &
pid=$!
for _ in $(seq 1 120); do grep -q "ready on" serve.log && break; sleep 1; done
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status"; }
size() { stat -c %s data/rca.mv.db; }
key=$(cat data/webhook-api-key)
echo "body: $(stat -c %s body.json) bytes, $runs runs; RSS ready $(rss); database file $(size) bytes"

start=$(date +%s.%N)
status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  --data-binary @body.json "http://127.0.0.1:$port/webhooks/adf")
total=0
for _ in $(seq 1 1200); do
  total=$(curl -s -H "X-API-Key: $key" "http://127.0.0.1:$port/api/incidents?limit=1" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin).get("total", 0))')
  [ "$total" -ge "$runs" ] && break
  sleep 0.5
done
end=$(date +%s.%N)
echo "answer $status; $total incidents after $(python3 -c "print(round($end - $start, 1))") s; RSS $(rss)"
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "database file after a graceful stop: $(size) bytes"
