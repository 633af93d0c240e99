#!/usr/bin/env bash
# A real Redis-clustered FunnelSim cluster (docs/scale-out.md): a Redis server (OS package), two 'funnelsim worker'
# processes and a 'funnelsim run --cluster' of the base case; one worker is killed with SIGKILL mid-run, and the result
# must still equal the single-process run byte for byte (run.threads and run.elapsedSeconds aside).
# Skips cleanly (exit 0) where redis-server is not installed; install it with: apt-get install -y redis-server
# Usage: tests/e2e/cluster-redis.sh [ITERATIONS]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
  echo "cluster-redis: SKIP (no redis-server/redis-cli on PATH; apt-get install -y redis-server)"
  exit 0
fi
iterations=${1:-200000}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "cluster-redis: building funnelsim (Release)"
dotnet build src/FunnelSim -c Release -o "$work/bin" >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
funnelsim="$work/bin/funnelsim"

# A free port for Redis: ask the kernel (bash's /dev/tcp cannot listen), falling back to a random high port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.2; done
redis-cli -p "$port" ping >/dev/null || { echo "cluster-redis: FAIL (redis-server did not start)"; cat "$work/redis.log"; exit 1; }

# One file for every worker and the coordinator: ports are chosen free on each start.
cat >"$work/cluster.json" <<JSON
{
  "clustering": "redis",
  "redis": "127.0.0.1:$port",
  "clusterId": "e2e-$$",
  "advertisedAddress": "127.0.0.1",
  "shardTimeoutSeconds": 60,
  "attempts": 6,
  "answerTimeoutSeconds": 60
}
JSON

start_worker() {
  "$funnelsim" worker --cluster "$work/cluster.json" >"$work/$1.out" 2>"$work/$1.err" &
  pids+=($!)
  echo $! >"$work/$1.pid"
}
start_worker worker1
start_worker worker2
for w in worker1 worker2; do
  for _ in $(seq 600); do grep -q "ready" "$work/$w.err" && break; sleep 0.2; done
  grep -q "ready" "$work/$w.err" || { echo "cluster-redis: FAIL ($w did not start)"; cat "$work/$w.err"; exit 1; }
done
echo "cluster-redis: two workers ready"

"$funnelsim" run --iterations "$iterations" --seed 4242 --out "$work/single.json" 2>/dev/null
"$funnelsim" run --iterations "$iterations" --seed 4242 --cluster "$work/cluster.json" --out "$work/cluster-result.json" \
  2>"$work/run.err" &
run=$!
# Kill worker 2 once the first shards are in: the rest of its shards must be retried on worker 1.
for _ in $(seq 1200); do
  grep -qE "cluster: [1-9][0-9,]*/" "$work/run.err" && break
  kill -0 "$run" 2>/dev/null || break
  sleep 0.1
done
if ! kill -0 "$run" 2>/dev/null; then
  echo "cluster-redis: FAIL (the run ended before a worker could be killed; give more iterations)"; exit 1
fi
# 'funnelsim worker' runs its silo in a child process (docs/scale-out.md): SIGKILL of the worker must end that too.
silo=$(cat /proc/"$(cat "$work/worker2.pid")"/task/*/children 2>/dev/null || true)
kill -9 "$(cat "$work/worker2.pid")"
echo "cluster-redis: killed worker 2 (SIGKILL) at: $(grep -E '^cluster:' "$work/run.err" | tail -n 1)"
alive() { [[ -r /proc/$1/stat ]] && ! awk '{ exit ($3 == "Z") ? 0 : 1 }' "/proc/$1/stat"; }
for pid in $silo; do
  for _ in $(seq 100); do alive "$pid" || break; sleep 0.1; done
  if alive "$pid"; then echo "cluster-redis: FAIL (worker 2's silo process $pid outlived it)"; kill -9 "$pid"; exit 1; fi
done
if [[ -n "$silo" ]]; then
  echo "cluster-redis: worker 2's silo process ended with it"
else
  echo "cluster-redis: worker 2 had no silo process of its own (not relaunched); nothing more to check"
fi
if ! wait "$run"; then
  echo "cluster-redis: FAIL (the cluster run failed)"; cat "$work/run.err"; exit 1
fi
strip() { grep -vE '^    "(threads|elapsedSeconds)": ' "$1"; }
if ! diff <(strip "$work/single.json") <(strip "$work/cluster-result.json") >/dev/null; then
  echo "cluster-redis: FAIL (the cluster result differs from the single-process run)"; exit 1
fi
echo "cluster-redis: $(grep -E '^cluster:' "$work/run.err" | tail -n 1)"
echo "cluster-redis: PASS (equal to the single-process run after SIGKILL of one worker)"
