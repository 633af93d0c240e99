#!/usr/bin/env bash
# Measures every row of issue 9's speed table (docs/performance.md, "Targets") on this machine and prints a markdown
# table: measure | result | target | met?. Builds Release first. Run it on a QUIET machine: wall-clock figures on a
# shared machine measure the neighbours (CPU seconds are printed beside each whole command as a guide).
#   tests/FunnelSim.Benchmarks/measure-targets.sh            the real measure (about 5–10 minutes on 2 quiet cores)
#   QUICK=1 tests/FunnelSim.Benchmarks/measure-targets.sh    small counts: checks the script itself, not the targets
# The NumPy row needs python3 with numpy (apt-get install python3-numpy); without it the row says so.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "${QUICK:-0}" = 1 ]; then
  n_engine=20000; engine_repeats=2; n_run=20000; run_repeats=2; startup_repeats=3; whatif_repeats=5
  n_drivers=2000; drivers_repeats=1; n_rss=200000; n_numpy=20000
else
  n_engine=200000; engine_repeats=5; n_run=200000; run_repeats=5; startup_repeats=10; whatif_repeats=30
  n_drivers=20000; drivers_repeats=3; n_rss=10000000; n_numpy=200000
fi

log() { echo "measure-targets: $*" >&2; }
log "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)$([ "${QUICK:-0}" = 1 ] && echo ', QUICK=1 (small counts: not the targets)')"
log "building Release"
dotnet build src/FunnelSim -c Release >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
dotnet build tests/FunnelSim.Benchmarks -c Release >>"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
funnelsim="$repo/src/FunnelSim/bin/Release/net10.0/funnelsim"
bench() { dotnet "$repo/tests/FunnelSim.Benchmarks/bin/Release/net10.0/FunnelSim.Benchmarks.dll" "$@"; }

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
rows=()
row() { rows+=("| $1 | $2 | $3 | $4 |"); log "$1: $2"; }
met() { awk "BEGIN { print ($1) ? \"yes\" : \"**no**\" }"; }

# Whole command, REPEATS times: median wall-clock seconds into $wall, median CPU seconds (user + system) into $cpu.
whole() {
  local repeats=$1; shift
  : >"$work/walls"; : >"$work/cpus"
  for _ in $(seq "$repeats"); do
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    read -r w u s <"$work/time"
    echo "$w" >>"$work/walls"; calc '%.2f\n' "$u + $s" >>"$work/cpus"
  done
  wall=$(median <"$work/walls"); cpu=$(median <"$work/cpus")
}

# 1–2, 7: in-process throughput (Simulator.Run of the base case, one warm-up run, median of the repeats).
throughput() { # THREADS costs|nocosts → iterations/s
  bench quick "$1" "$n_engine" "$engine_repeats" "$2" | tail -1 | sed -n 's/.* = \([0-9,]*\)\/s.*/\1/p' | tr -d ,
}
log "in-process throughput, $n_engine iterations"
costs2=$(throughput 2 costs); costs1=$(throughput 1 costs)
funnel2=$(throughput 2 nocosts); funnel1=$(throughput 1 nocosts)
row "base case with costs, $n_engine iterations, 2 threads, in process" "$(calc '%.0f' "$costs2")/s (1 thread: $(calc '%.0f' "$costs1")/s)" \
  "≥ 110,000/s" "$(met "$costs2 >= 110000")"
row "base case without costs (funnel only), same" "$(calc '%.0f' "$funnel2")/s (1 thread: $(calc '%.0f' "$funnel1")/s)" \
  "≥ 140,000/s" "$(met "$funnel2 >= 140000")"

# 3: whole command with costs.
log "whole command run -n $n_run"
whole "$run_repeats" "$funnelsim" run -n "$n_run" --out "$work/run.json"
row "whole command \`funnelsim run -n $n_run\` (with costs)" "$wall s (CPU $cpu s)" "≤ 2.2 s" "$(met "$wall <= 2.2")"

# 4: start-up.
log "start-up: run -n 1000"
whole "$startup_repeats" "$funnelsim" run -n 1000 --out "$work/small.json"
row "start-up: whole command for 1,000 iterations" "$wall s (CPU $cpu s)" "≤ 0.2 s" "$(met "$wall <= 0.2")"

# 5: the UI's what-if, in process.
log "UI what-if: compile + 4,000 iterations"
whatif=$(bench whatif 2 "$whatif_repeats" | tail -1 | sed -n 's/.*median \([0-9.]*\) ms.*/\1/p')
row "UI what-if: compile + 4,000 iterations, in process, 2 threads" "$whatif ms" "≤ 60 ms" "$(met "$whatif <= 60")"

# 6: drivers.
log "drivers, $n_drivers draws"
whole "$drivers_repeats" "$funnelsim" drivers --metric budgetImpact --max-draws "$n_drivers" --out "$work/drivers.json"
row "\`drivers\` on the base case (budgetImpact), $n_drivers draws, whole command" "$wall s (CPU $cpu s)" "≤ 5 s" "$(met "$wall <= 5")"

# 7: 2 threads vs 1.
ratio=$(calc '%.2f' "$costs2 / $costs1")
row "2 threads vs 1 (with costs, in process)" "${ratio}× (funnel only: $(calc '%.2f' "$funnel2 / $funnel1")×)" "≥ 1.9×" "$(met "$ratio >= 1.9")"

# 8: peak memory.
log "peak memory: run -n $n_rss (with costs)"
/usr/bin/time -v -o "$work/rss" "$funnelsim" run -n "$n_rss" --out "$work/big.json" >/dev/null 2>&1
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/rss")
rss=$(calc '%.0f' "$rss_kb / 1024")
row "peak memory, $n_rss iterations with costs (maximum resident set)" "$rss MB" "≤ 150 MB" "$(met "$rss <= 150")"

# The ratio to the NumPy implementation (same model, same iterations, whole processes).
# The first python3 with numpy: the one on PATH (a pyenv shim, say) may lack it where the OS's has it.
python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import numpy' 2>/dev/null; then python=$candidate; break; fi
done
if [ -n "$python" ]; then
  log "NumPy, $n_numpy iterations"
  whole 1 "$python" tests/FunnelSim.Benchmarks/numpy/funnel_numpy.py scenarios/us-national-base.json --iterations "$n_numpy" \
    --out "$work/numpy.json"
  numpy_wall=$wall
  whole 1 "$funnelsim" run scenarios/us-national-base.json -n "$n_numpy" --out "$work/fs.json"
  row "NumPy implementation / FunnelSim, $n_numpy iterations, whole processes" \
    "$(calc '%.1f' "$numpy_wall / $wall")× (NumPy $numpy_wall s, FunnelSim $wall s)" "several times" "—"
else
  row "NumPy implementation / FunnelSim" "not measured: python3 with numpy not found" "several times" "—"
fi

echo
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(dotnet --version) SDK, load average before: see above$([ "${QUICK:-0}" = 1 ] && echo '; QUICK=1: small counts, NOT the targets').
"
echo "| measure | result | target | met? |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
