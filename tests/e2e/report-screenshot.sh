#!/usr/bin/env bash
# Renders a funnelsim HTML report in a real headless browser (Chromium) and checks the screenshot is not blank.
# Skips cleanly (exit 0) where no Chromium is installed; install with: apt-get install -y chromium
# Usage: tests/e2e/report-screenshot.sh [OUTPUT_FOLDER]   (the report and screenshots stay there for a look)
set -euo pipefail
cd "$(dirname "$0")/../.."
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "report-screenshot: SKIP (no chromium on PATH)"
  exit 0
fi
out=${1:-$(mktemp -d)}
mkdir -p "$out"
cp scenarios/payer-commercial-1m.json "$out/payer.json"
dotnet run --project src/FunnelSim -- report "$out/payer.json" --iterations 4000 --png "$out/png" >/dev/null
report="$out/payer.report.html"
[ -s "$report" ] || { echo "report-screenshot: FAIL (no report written)"; exit 1; }
# Offline: the page must render with the network switched off.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --proxy-server=127.0.0.1:9 \
  --window-size=1366,3000 --screenshot="$out/report.png" "file://$(realpath "$report")" >/dev/null 2>&1
[ -s "$out/report.png" ] || { echo "report-screenshot: FAIL (no screenshot)"; exit 1; }
# Not blank: a white page compresses to a few kilobytes; charts, tables and text make it far larger. Where python3 is
# present the pixels are decoded too, and at least 2% of them must be other than white.
size=$(stat -c %s "$out/report.png")
echo "report-screenshot: $out/report.png, $size bytes"
if [ "$size" -lt 60000 ]; then
  echo "report-screenshot: FAIL (the screenshot looks blank)"
  exit 1
fi
if command -v python3 >/dev/null; then
  python3 - "$out/report.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, channels = 8, b"", 0, 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        channels = {2: 3, 6: 4, 0: 1, 4: 2}[colour]
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw, stride, previous, inked = zlib.decompress(idat), width * channels, bytearray(width * channels), 0
for row in range(height):
    kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
    for i in range(stride):
        left = line[i - channels] if i >= channels else 0
        up, corner = previous[i], previous[i - channels] if i >= channels else 0
        if kind == 1: line[i] = (line[i] + left) & 255
        elif kind == 2: line[i] = (line[i] + up) & 255
        elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    inked += sum(1 for x in range(0, stride, channels) if min(line[x:x + 3]) < 235)
    previous = line
share = inked / (width * height)
print(f"report-screenshot: {share:.1%} of the pixels are not white")
sys.exit(0 if share > 0.02 else 1)
PY
fi
# Printing to PDF works too.
"$browser" --headless --no-sandbox --disable-gpu --proxy-server=127.0.0.1:9 --print-to-pdf="$out/report.pdf" \
  "file://$(realpath "$report")" >/dev/null 2>&1
[ -s "$out/report.pdf" ] || { echo "report-screenshot: FAIL (no PDF)"; exit 1; }
echo "report-screenshot: PASS (screenshot and PDF in $out)"
