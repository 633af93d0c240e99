#!/usr/bin/env bash
# Overhead of the Orleans cluster (issue 15, docs/performance.md "Orleans cluster overhead"): ITERATIONS of the built-in
# base case (with costs) on two local workers against one process using the same cores.
#   one process:  funnelsim run -n ITERATIONS --threads 2, pinned to cores 0 and 1
#   cluster:      two 'funnelsim worker' processes (localhost clustering), pinned to core 0 and core 1, each shard on one
#                 thread (--threads 1), and a coordinator 'funnelsim run -n ITERATIONS --cluster FILE'
# Prints wall-clock seconds and CPU seconds (user + system) of each, the ratio cluster / one process, and checks the two
# results are the same bits. CPU seconds count the workers' and the coordinator's; they depend far less than wall-clock
# time on other work sharing the machine. Run on a quiet machine for a wall-clock figure.
# Usage: tests/FunnelSim.Benchmarks/cluster-overhead.sh [ITERATIONS]   (default 10000000)
# Environment (for trying variants; the documented figures use neither):
#   WORKER_ENV="NAME=VALUE ..."   extra environment of the two workers (e.g. DOTNET_TieredPGO=0)
#   SINGLE="WALL CPU SECONDS"     skip the one-process run and compare with these figures of an earlier one (the results'
#                                 bits are then not compared)
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-10000000}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
pin() { if command -v taskset >/dev/null; then taskset -c "$@"; else shift; "$@"; fi; }
cpu_seconds() { # user + system seconds of a live process and its live children ('funnelsim worker' runs its silo in one)
  local pid total=0
  for pid in "$1" $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    total=$(echo "$total + $(awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$pid/stat")" | bc -l)
  done
  echo "$total"
}

dotnet build src/FunnelSim -c Release -o "$work/bin" >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
funnelsim="$work/bin/funnelsim"
echo "cluster-overhead: $iterations iterations of the base case; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

TIMEFORMAT='%R %U %S'
if [[ -n "${SINGLE:-}" ]]; then
  read -r single_wall single_cpu single_engine <<<"$SINGLE"
  echo "one process:  wall ${single_wall} s, CPU ${single_cpu} s (given, not run)"
else
  { time pin 0,1 "$funnelsim" run -n "$iterations" --threads 2 --out "$work/single.json" 2>/dev/null; } 2>"$work/single.time"
  read -r single_wall single_user single_sys <"$work/single.time"
  single_cpu=$(echo "$single_user + $single_sys" | bc -l)
  echo "one process:  wall ${single_wall} s, CPU ${single_cpu} s; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
fi

port=$((20000 + RANDOM % 20000))
printf '{ "clustering": "localhost", "siloPort": %d, "gatewayPort": %d, "answerTimeoutSeconds": 600, "shardTimeoutSeconds": 3600 }\n' "$port" $((port + 1)) \
  >"$work/cluster.json"
for core in 0 1; do
  # Started directly (not through a shell function, which would run in a subshell): $! must be the worker's own pid.
  if command -v taskset >/dev/null; then
    env ${WORKER_ENV:-} taskset -c "$core" "$funnelsim" worker --cluster "$work/cluster.json" >"$work/worker$core.out" 2>"$work/worker$core.err" &
  else
    env ${WORKER_ENV:-} "$funnelsim" worker --cluster "$work/cluster.json" >"$work/worker$core.out" 2>"$work/worker$core.err" &
  fi
  pids+=($!)
  for _ in $(seq 900); do grep -q ready "$work/worker$core.err" && break; sleep 0.2; done
  grep -q ready "$work/worker$core.err" || { echo "worker $core did not start"; cat "$work/worker$core.err"; exit 1; }
done
w0=$(cpu_seconds "${pids[0]}"); w1=$(cpu_seconds "${pids[1]}")
{ time "$funnelsim" run -n "$iterations" --threads 1 --cluster "$work/cluster.json" --out "$work/cluster-result.json" \
    2>"$work/run.err"; } 2>"$work/cluster.time"
read -r cluster_wall coordinator_user coordinator_sys <"$work/cluster.time"
workers_cpu=$(echo "$(cpu_seconds "${pids[0]}") - $w0 + $(cpu_seconds "${pids[1]}") - $w1" | bc -l)
cluster_cpu=$(echo "$workers_cpu + $coordinator_user + $coordinator_sys" | bc -l)
echo "two workers:  wall ${cluster_wall} s, CPU ${cluster_cpu} s (workers $(printf %.1f "$workers_cpu") s, coordinator" \
     "$(echo "$coordinator_user + $coordinator_sys" | bc -l) s); $(grep -E '^cluster:' "$work/run.err" | tail -n 1)"
echo "load average now $(cut -d' ' -f1-3 /proc/loadavg)"
# run.elapsedSeconds: the single process's wall time of the run; the merged result's is the sum of the shards' own times.
elapsed() { grep -oE '"elapsedSeconds": [0-9.]+' "$1" | head -n 1 | grep -oE '[0-9.]+$'; }
single_engine=${single_engine:-$(elapsed "$work/single.json")}
echo "engine time: one process $single_engine s of wall (x2 threads); shards $(elapsed "$work/cluster-result.json") s summed"
printf 'ratio cluster / one process: wall %.3f, CPU %.3f\n' "$(echo "$cluster_wall / $single_wall" | bc -l)" \
  "$(echo "$cluster_cpu / $single_cpu" | bc -l)"
strip() { grep -vE '^    "(threads|elapsedSeconds)": ' "$1"; }
if [[ -n "${SINGLE:-}" ]]; then
  echo "results: not compared (SINGLE given)"
elif diff <(strip "$work/single.json") <(strip "$work/cluster-result.json") >/dev/null; then
  echo "results: the same bits"
else
  echo "results: DIFFERENT"; exit 1
fi
