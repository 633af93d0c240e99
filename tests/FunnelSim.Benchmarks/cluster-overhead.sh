#!/usr/bin/env bash
# Overhead of the Orleans cluster (issue 15, docs/performance.md "Orleans cluster overhead"): ITERATIONS of the built-in
# base case (with costs) on two local workers against one process using the same cores.
#   one process:  funnelsim run -n ITERATIONS --threads 2, pinned to cores 0 and 1
#   cluster:      two 'funnelsim worker' processes (localhost clustering), pinned to core 0 and core 1, each shard on one
#                 thread (--threads 1), and a coordinator 'funnelsim run -n ITERATIONS --cluster FILE'
# A round is: the one process; two freshly started workers and a cluster run ("fresh": their code still to compile); a
# second cluster run on the same workers ("served": a worker is a service that serves many runs, while a one-process run
# is a new process every time); the one process again. Each ratio compares a cluster run with the mean of the one-process
# runs either side of it: the machine drifts (by over 10% within minutes on the shared development machine), so the runs
# are interleaved rather than one long series of each. Prints wall-clock seconds and CPU seconds (user + system: the workers', their
# silo processes' and the coordinator's) and each round's ratios, then the medians over the rounds, and checks every
# result is the same bits as the one process's.
# Usage: tests/FunnelSim.Benchmarks/cluster-overhead.sh [ITERATIONS [ROUNDS]]   (default 10000000 1)
# Environment (for trying variants; the documented figures use neither):
#   WORKER_ENV="NAME=VALUE ..."   extra environment of the two workers (e.g. DOTNET_TieredPGO=0)
#   SINGLE="WALL CPU SECONDS"     skip the one-process run and compare with these figures of an earlier one (the results'
#                                 bits are then not compared)
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-10000000}
rounds=${2:-1}
work=$(mktemp -d)
pids=()
stop_workers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
}
trap 'stop_workers; rm -rf "$work"' EXIT
pin() { if command -v taskset >/dev/null; then taskset -c "$@"; else shift; "$@"; fi; }
cpu_seconds() { # user + system seconds of a live process and its live children ('funnelsim worker' runs its silo in one)
  local pid total=0
  for pid in "$1" $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    total=$(echo "$total + $(awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$pid/stat")" | bc -l)
  done
  echo "$total"
}
elapsed() { grep -oE '"elapsedSeconds": [0-9.]+' "$1" | head -n 1 | grep -oE '[0-9.]+$'; }
strip() { grep -vE '^    "(threads|elapsedSeconds)": ' "$1"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

dotnet build src/FunnelSim -c Release -o "$work/bin" >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
funnelsim="$work/bin/funnelsim"
echo "cluster-overhead: $iterations iterations of the base case, $rounds round(s); $(nproc) cores; load average $(load)"
TIMEFORMAT='%R %U %S'

start_workers() {
  local core
  port=$((20000 + RANDOM % 20000))
  printf '{ "clustering": "localhost", "siloPort": %d, "gatewayPort": %d, "answerTimeoutSeconds": 600, "shardTimeoutSeconds": 3600 }\n' \
    "$port" $((port + 1)) >"$work/cluster.json"
  for core in 0 1; do
    # Started directly (not through a shell function's subshell): $! must be the worker's own pid.
    if command -v taskset >/dev/null; then
      env ${WORKER_ENV:-} taskset -c "$core" "$funnelsim" worker --cluster "$work/cluster.json" >"$work/worker$core.out" 2>"$work/worker$core.err" &
    else
      env ${WORKER_ENV:-} "$funnelsim" worker --cluster "$work/cluster.json" >"$work/worker$core.out" 2>"$work/worker$core.err" &
    fi
    pids+=($!)
    for _ in $(seq 900); do grep -q ready "$work/worker$core.err" && break; sleep 0.2; done
    grep -q ready "$work/worker$core.err" || { echo "worker $core did not start"; cat "$work/worker$core.err"; exit 1; }
  done
}

single_run() { # times the one process; sets single_wall, single_cpu, single_engine
  { time pin 0,1 "$funnelsim" run -n "$iterations" --threads 2 --out "$work/single.json" 2>/dev/null; } 2>"$work/single.time"
  local user sys
  read -r single_wall user sys <"$work/single.time"
  single_cpu=$(echo "$user + $sys" | bc -l)
  single_engine=$(elapsed "$work/single.json")
  echo "round $round: one process: wall ${single_wall} s, CPU ${single_cpu} s, engine ${single_engine} s (x2 threads); load average $(load)"
}

same_bits=yes
for round in $(seq "$rounds"); do
  if [[ -n "${SINGLE:-}" ]]; then
    read -r single_wall single_cpu single_engine <<<"$SINGLE"
    echo "round $round: one process: wall ${single_wall} s, CPU ${single_cpu} s (given, not run)"
  elif [[ $round -eq 1 ]]; then
    single_run
  fi
  # (A later round starts from the one-process run that ended the round before.)
  before_wall=$single_wall; before_cpu=$single_cpu
  start_workers
  for kind in fresh served; do
    w0=$(cpu_seconds "${pids[0]}"); w1=$(cpu_seconds "${pids[1]}")
    { time "$funnelsim" run -n "$iterations" --threads 1 --cluster "$work/cluster.json" --out "$work/cluster-$kind.json" \
        2>"$work/run.err"; } 2>"$work/cluster.time"
    read -r cluster_wall coordinator_user coordinator_sys <"$work/cluster.time"
    workers_cpu=$(echo "$(cpu_seconds "${pids[0]}") - $w0 + $(cpu_seconds "${pids[1]}") - $w1" | bc -l)
    coordinator_cpu=$(echo "$coordinator_user + $coordinator_sys" | bc -l)
    echo "$cluster_wall $(echo "$workers_cpu + $coordinator_cpu" | bc -l)" >"$work/$kind.figures"
    # The merged result's elapsedSeconds is the sum of the shards' own engine times.
    printf 'round %d: two workers (%s): wall %s s, CPU %.1f s (workers %.1f s, coordinator %.1f s), shards %s s summed; load average %s\n' \
      "$round" "$kind" "$cluster_wall" "$(echo "$workers_cpu + $coordinator_cpu" | bc -l)" "$workers_cpu" "$coordinator_cpu" \
      "$(elapsed "$work/cluster-$kind.json")" "$(load)"
    if [[ -z "${SINGLE:-}" ]] && ! diff <(strip "$work/single.json") <(strip "$work/cluster-$kind.json") >/dev/null; then
      same_bits=no; echo "round $round: two workers ($kind): the result DIFFERS from the one process's"
    fi
  done
  stop_workers
  # The one process again after the cluster runs: each ratio is against the mean of the one-process runs either side of it.
  [[ -z "${SINGLE:-}" ]] && single_run
  base_wall=$(echo "($before_wall + $single_wall) / 2" | bc -l); base_cpu=$(echo "($before_cpu + $single_cpu) / 2" | bc -l)
  for kind in fresh served; do
    read -r cluster_wall cluster_cpu <"$work/$kind.figures"
    wall_ratio=$(echo "$cluster_wall / $base_wall" | bc -l); cpu_ratio=$(echo "$cluster_cpu / $base_cpu" | bc -l)
    echo "$wall_ratio" >>"$work/$kind.wall"; echo "$cpu_ratio" >>"$work/$kind.cpu"
    printf 'round %d: %s workers / one process (mean of the runs before and after): wall %.3f, CPU %.3f\n' \
      "$round" "$kind" "$wall_ratio" "$cpu_ratio"
  done
done
for kind in fresh served; do
  printf 'median over %d round(s), %s workers / one process: wall %.3f, CPU %.3f\n' "$rounds" "$kind" \
    "$(median <"$work/$kind.wall")" "$(median <"$work/$kind.cpu")"
done
if [[ -n "${SINGLE:-}" ]]; then
  echo "results: not compared (SINGLE given)"
elif [[ $same_bits == yes ]]; then
  echo "results: the same bits"
else
  echo "results: DIFFERENT"; exit 1
fi
