#!/usr/bin/env bash
# Opens funnelsim's Excel workbooks with LibreOffice (headless): converts every sheet to CSV with
# `soffice --headless --convert-to csv` and compares each number of the result sheets with the JSON results of
# the same run. Skips cleanly (exit 0) where LibreOffice is not installed: apt-get install -y libreoffice-calc
# Usage: tests/e2e/xlsx-libreoffice.sh [OUTPUT_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v soffice >/dev/null; then
  echo "xlsx-libreoffice: SKIP (no soffice on PATH)"
  exit 0
fi
command -v python3 >/dev/null || { echo "xlsx-libreoffice: SKIP (no python3 to compare)"; exit 0; }
out=${1:-$(mktemp -d)}
mkdir -p "$out/csv"
run() { dotnet run --project src/FunnelSim --no-build -- "$@"; }
dotnet build src/FunnelSim -c Debug >/dev/null
run run scenarios/payer-commercial-1m.json -n 3000 --out "$out/payer.xlsx" 2>/dev/null
run run scenarios/payer-commercial-1m.json -n 3000 --out "$out/payer.json" 2>/dev/null
run budget scenarios/payer-commercial-1m.json -n 3000 --threshold 50000 --out "$out/budget.xlsx" >/dev/null 2>&1
# Field separator 44 (,), quote 34 ("), UTF-8 (76), from line 1; raw values (not as shown); every sheet (-1).
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
soffice --headless --convert-to "$filter" --outdir "$out/csv" "$out/payer.xlsx" "$out/budget.xlsx" >/dev/null 2>&1
python3 - "$out" <<'PY'
import csv, json, math, os, sys
out = sys.argv[1]
results = json.load(open(os.path.join(out, "payer.json")))
groups = [(i["id"], i["years"]) for i in results["indications"]] + [("Total", results["total"]["years"])]
compared = 0
for sheet, years in groups:
    rows = list(csv.reader(open(os.path.join(out, "csv", f"payer-{sheet}.csv"), encoding="utf-8")))
    columns = {int(float(y)): c for c, y in enumerate(rows[0]) if c >= 2}
    cells = {(r[0], r[1]): r for r in rows[1:]}
    for year in years:
        column = columns[year["year"]]
        for metric, summary in year["metrics"].items():
            for statistic, key in (("mean", "mean"), ("P5", "p5"), ("P95", "p95")):
                text = cells[(metric, statistic)][column]
                if summary.get("iterations") == 0:
                    assert text == "", (sheet, metric, statistic, text)
                    continue
                value = float(text)
                assert math.isclose(value, summary[key], rel_tol=1e-12, abs_tol=1e-12), (sheet, year["year"], metric, statistic, value, summary[key])
                compared += 1
budget = list(csv.reader(open(os.path.join(out, "csv", "budget-Budget.csv"), encoding="utf-8")))
labels = {r[0] for r in budget}
for label in ("Patients", "World with BIZENGRI", "Budget impact (with − without)", "Drug", "Budget impact by indication"):
    assert label in labels, label
print(f"xlsx-libreoffice: {compared} numbers equal the JSON results; the Budget sheet has the budget table's rows")
PY
echo "xlsx-libreoffice: PASS (workbooks and CSV in $out)"
