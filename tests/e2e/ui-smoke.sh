#!/usr/bin/env bash
# End-to-end check of the terminal UI in a real terminal (tmux): open the base case at 120x40, edit PDAC testing
# uptake and see the treated count move, run in full, pin a baseline, change a second parameter and read the
# difference, read the tornado and compute the global drivers in the Drivers tab, save, reopen; then check that the UI
# (and the Drivers tab) is usable at 80x24. Skips (exit 0) when tmux is missing.
# Usage: tests/e2e/ui-smoke.sh        (from the repository root; builds src/FunnelSim first)
set -euo pipefail
cd "$(dirname "$0")/../.."
name=ui-smoke
session="funnelsim-e2e-$$"
source tests/e2e/tmux-lib.sh
if ! have_tmux; then echo "$name: tmux not found; skipped"; exit 0; fi

dotnet build src/FunnelSim -v quiet -nologo >/dev/null
bin="$PWD/src/FunnelSim/bin/Debug/net10.0/funnelsim"
work=$(mktemp -d)
export XDG_CONFIG_HOME="$work/config"   # the recent-files list goes here, not into the user's own config
trap 'tmux_ kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

pdac_row() { screen | grep -m1 -E '│PDAC +[0-9]' | tr -s ' ' | sed 's/│//g'; }
start() { # start WIDTH HEIGHT [ARGS…]
  local w=$1 h=$2; shift 2
  tmux_ new-session -d -s "$session" -x "$w" -y "$h" -c "$work" "$bin $* 2>$work/stderr.txt"
}

echo "ui-smoke: 120x40 — base case"
start 120 40
wait_for "New starts"
wait_for "valid"
before=$(pdac_row)
echo "  PDAC before: $before"

echo "ui-smoke: edit PDAC testing uptake (mean 0.45 → 0.55)"
keys Down Down Down Right                # PDAC, expanded
keys Down Down Down Down Down Right      # Testing, expanded
keys Down                                # Uptake
wait_for "Editor: PDAC › testing › uptake"
keys Tab Tab                             # Form → Mean
keys End BSpace BSpace BSpace BSpace 0.55
wait_changed pdac_row "$before"
settled
after=$(pdac_row)
echo "  PDAC after:  $after"
[ "$before" != "$after" ] || fail "the PDAC headline did not change"
screen | grep -qE '│NSCLC' || fail "no NSCLC row"

echo "ui-smoke: full run"
keys F5
wait_for "Full run: 20,000 iterations"

echo "ui-smoke: pin, change the uptake ramp target, read the difference"
keys F6
wait_for "Pinned '"
pinned=$(pdac_row)
keys Tab Tab Tab Tab                     # Mean → Low → High → Ramp → Ramp to
keys End BSpace BSpace BSpace BSpace 0.8
wait_changed pdac_row "$pinned"
settled
screen | grep -qE '│PDAC .*\(\+' || fail "the headline shows no difference from the baseline"
keys C-t C-t C-t C-t C-t C-t             # Edit → … → Drivers → Compare
wait_for "90% interval"
keys F3                                  # NSCLC → PDAC
keys F7 F7 F7 F7                         # 2026 → 2030
wait_for "PDAC, 2030"
screen | grep -E 'New starts' | grep -qE '\+[0-9]' || fail "no positive treated difference in the Compare tab"
screen | grep -E 'New starts' | head -1

echo "ui-smoke: Drivers tab — tornado of PDAC 2030, then the global drivers (D)"
keys C-PageUp                            # Compare → Drivers (Ctrl+PgUp)
wait_for "Tornado: New starts · PDAC · 2030"
wait_for "NRG1 fusion prevalence"
screen | grep -F "NRG1 fusion prevalence" | grep -qF "█" || fail "the tornado has no bar for prevalence"
keys d
wait_for "Surrogate R²"
wait_for "Global drivers of New starts"
screen | grep -qE "^│ +1 +[+-][0-9]" || fail "no ranked input in the drivers table"
screen
keys F4                                  # next metric: on treatment
wait_for "Tornado: On treatment · PDAC · 2030"
wait_for "computed for an earlier scenario or another output"

echo "ui-smoke: save"
keys C-s
wait_for "Save scenario as"
keys End
keys -N 200 BSpace
keys "$work/whatif.json" Enter
wait_for "Saved $work/whatif.json"
echo "ui-smoke: Esc never quits; Ctrl+Q asks before losing the full run, the baseline and the drivers"
keys Escape
wait_for "Esc never quits: Ctrl+Q"
running || fail "Esc quit the program"
keys C-q
wait_for "Quit and lose the results?"
keys Enter                               # the default is Cancel: still running
wait_gone "Quit and lose the results?"
running || fail "Enter on the quit question quit (its default must be Cancel)"
keys C-q
wait_for "Quit and lose the results?"
keys BTab Enter                          # Quit
wait_exit
"$bin" validate "$work/whatif.json" | grep -q "ok" || fail "the saved file does not validate"
grep -q '"to": 0.8' "$work/whatif.json" || fail "the saved file lacks the edit"

echo "ui-smoke: reopen"
start 120 40 ui "$work/whatif.json"
wait_for "Outline: whatif.json"
wait_for "New starts"
echo "ui-smoke: the commercial view (Alt+T) at 120x40"
keys M-t
wait_for "Patients and sales per year"
for text in "New starts" "On treatment" "Doses" "Drug sales" "All years" "90% interval"; do wait_for "$text"; done
keys C-q
wait_exit

echo "ui-smoke: 80x24"
start 80 24
wait_for "New starts"
for text in "Outline" "F1" "F5" "Ctrl+T" "NSCLC" "Total"; do wait_for "$text"; done
screen
keys C-t C-t C-t C-t C-t                 # Edit → … → Drivers
wait_for "Tornado: New starts · NSCLC"
screen | grep -F "NRG1 fusion prevalence" | grep -qF "│" || fail "80x24: no tornado bar"
screen
echo "ui-smoke: the commercial view at 80x24 scrolls to the totals over the horizon"
keys M-t
wait_for "Patients and sales per year"
for text in "New starts" "Drug sales" "more below"; do wait_for "$text"; done
keys PageDown
wait_for "All years"
screen
keys C-q
wait_exit
echo "ui-smoke: passed"
