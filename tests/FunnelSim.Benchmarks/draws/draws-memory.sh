#!/usr/bin/env bash
# Peak memory of `funnelsim run --draws` (issue 14 §3): the draws are written while the run goes, so 1,000,000
# iterations of the base case (20,000,000 rows) must stay under 500 MB of resident memory.
# Not part of the test suite (it takes minutes and a few GB of disk); run it by hand and put the figure in
# docs/performance.md. Needs /usr/bin/time (GNU time: apt-get install -y time).
# Usage: tests/FunnelSim.Benchmarks/draws/draws-memory.sh [ITERATIONS] [FORMAT] [OUTPUT_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/../../.."
iterations=${1:-1000000}
format=${2:-parquet}
out=${3:-$(mktemp -d)}
limit_mb=500
mkdir -p "$out"
dotnet build src/FunnelSim -c Release -o "$out/bin" >/dev/null
/usr/bin/time -v -o "$out/time.txt" "$out/bin/funnelsim" run --iterations "$iterations" --threads 2 \
  --draws "$out/draws.$format" --out "$out/results.json"
peak_kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$out/time.txt")
elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$out/time.txt")
size=$(stat -c %s "$out/draws.$format")
echo "draws-memory: $iterations iterations, $format: peak RSS $((peak_kb / 1024)) MB, file $((size / 1024 / 1024)) MB, wall $elapsed"
if [ $((peak_kb / 1024)) -ge $limit_mb ]; then
  echo "draws-memory: FAIL (peak above $limit_mb MB)"
  exit 1
fi
echo "draws-memory: OK (under $limit_mb MB)"
