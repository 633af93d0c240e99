#!/usr/bin/env bash
# End-to-end check of the payer's path in the terminal UI (tmux): open scenarios/payer-commercial-1m.json, go to the
# drug price in the outline (Costs › Drug per dose), change its mode and see the budget impact in the live headline move;
# read the Budget tab (chart and table) at 120x40, then at 80x24. Skips (exit 0) when tmux is missing.
# Usage: tests/e2e/ui-budget-smoke.sh     (from the repository root; builds src/FunnelSim first)
#        UI_SMOKE_TMUX=/path/to/tmux-wrapper tests/e2e/ui-budget-smoke.sh   (a tmux that can start its server here)
set -euo pipefail
cd "$(dirname "$0")/../.."
name=ui-budget-smoke
session="funnelsim-budget-e2e-$$"
source tests/e2e/tmux-lib.sh
if ! have_tmux; then echo "$name: tmux not found; skipped"; exit 0; fi

dotnet build src/FunnelSim -v quiet -nologo >/dev/null
bin="$PWD/src/FunnelSim/bin/Debug/net10.0/funnelsim"
work=$(mktemp -d)
scenario="$work/payer-commercial-1m.json"   # a copy: whatever the session saves stays out of the repository
cp scenarios/payer-commercial-1m.json "$scenario"
trap 'tmux_ kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

impact() { screen | grep -oE 'Budget impact 20[0-9]{2} [^│]*' | head -1 | sed 's/ *$//'; }
start() { # start WIDTH HEIGHT
  tmux_ new-session -d -s "$session" -x "$1" -y "$2" -c "$work" -e XDG_CONFIG_HOME="$work/config" "$bin ui $scenario 2>$work/stderr.txt" \
    || fail "tmux could not start (on a machine whose /dev/null is not a character device, give UI_SMOKE_TMUX a wrapper)"
}

echo "ui-budget-smoke: 120x40 — the commercial plan"
start 120 40
wait_for "Outline: payer-commercial-1m.json"
wait_for "Budget impact 20"
before=$(impact)
echo "  before: $before"

echo "ui-budget-smoke: Costs › Drug per dose (PERT), mode \$24,683 → \$30,000"
keys End Right                           # Costs (the last node), expanded
keys Down                                # Drug per dose
wait_for "Editor: costs › drugPerDose"
keys Tab Tab Tab                         # Form → Min → Mode
keys End BSpace BSpace BSpace BSpace BSpace BSpace 30000
wait_changed impact "$before"
settled
after=$(impact)
echo "  after:  $after"
[ -n "$after" ] || fail "no budget impact in the headline"
[ "$before" != "$after" ] || fail "the budget impact did not move"

echo "ui-budget-smoke: the Budget tab"
keys C-PageUp                            # Edit → Budget (the last tab)
wait_for "Annual budget impact, NSCLC"
keys F3 F3 F3                            # NSCLC → PDAC → CCA → all indications
wait_for "Annual budget impact, all indications"
wait_for "2025 prices, undiscounted"
for text in "Eligible (test-positive)" "Newly treated" "Drug" "World with BIZENGRI" "2030"; do
  wait_for "$text"
done
screen | grep -E '^│2026 ' | grep -qF '█' || fail "no bar for 2026"
screen
keys C-q
wait_for "has unsaved changes"           # the edited price: Save / Discard / Cancel, and Enter is Cancel
keys Enter
wait_gone "has unsaved changes"
running || fail "Enter on the unsaved-changes question quit (its default must be Cancel)"
keys C-q
wait_for "has unsaved changes"
keys BTab BTab Enter                     # Cancel → Discard → Save
wait_exit
grep -q '"mode": 30000' "$scenario" || fail "the saved copy lacks the new drug price"
cmp -s "$scenario" scenarios/payer-commercial-1m.json && fail "the repository's scenario was changed"

echo "ui-budget-smoke: 80x24"
cp scenarios/payer-commercial-1m.json "$scenario"
start 80 24
wait_for "Budget impact 20"
keys C-PageUp
wait_for "Annual budget impact, NSCLC"
for text in "Eligible" "2026" "2030" "Mean; under it the 90% interval"; do
  wait_for "$text"
done
screen
keys C-q
wait_exit
echo "ui-budget-smoke: passed"
