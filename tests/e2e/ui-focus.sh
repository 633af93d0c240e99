#!/usr/bin/env bash
# End-to-end check in a real terminal (tmux) of issue 10 defects 10 and 6: however a tab is chosen (Alt+letter, Ctrl+T)
# its content has the keys at once — ↓ moves in the outline after Alt+E, D computes the drivers after Alt+D, PgDn
# scrolls the budget table after Alt+B — Shift+Tab from the outline stays on the Edit tab, arrows never change tabs;
# and long text wraps: the message line at 80 columns, the live what-if's title and its baseline line at 120.
# Every wait polls the screen for the text it expects (no fixed sleeps). Skips (exit 0) when tmux is missing.
# Usage: tests/e2e/ui-focus.sh     (from the repository root; builds src/FunnelSim first)
#        UI_SMOKE_TMUX=/path/to/tmux-wrapper tests/e2e/ui-focus.sh   (a tmux that can start its server here)
set -euo pipefail
cd "$(dirname "$0")/../.."
name=ui-focus
session="funnelsim-focus-e2e-$$"
source tests/e2e/tmux-lib.sh
if ! have_tmux; then echo "$name: tmux not found; skipped"; exit 0; fi

setup_session   # builds funnelsim; sets bin, work (a temporary folder) and payer; start WIDTH HEIGHT [ARGS…]
# the tab shown: the Edit tab has the outline, the Results tab its table's first row
on_edit() { wait_for "Outline:"; }
on_results() { wait_for "Incident cases"; wait_gone "Outline:"; }

echo "$name: 120x40 — Alt+R, then arrows on the table do not change tabs"
start 120 40
wait_for "New starts"
settled
wait_for "Editor: scenario settings"
keys M-r
on_results
keys Right Left Left Left
wait_for "Incident cases"
on_results

echo "$name: Alt+E, then ↓ moves in the outline at once; ←/→ do not change tabs"
keys M-e
on_edit
keys Down
wait_for "Editor: population"
keys Left Right Left
on_edit
keys Down                                # NSCLC
wait_for "Editor: NSCLC"

echo "$name: Shift+Tab from the outline goes to the fields, not to the Budget tab"
keys BTab
on_edit
wait_for "Editor: NSCLC"
keys BTab                                # from the first field back to the outline …
keys Down                                # … where ↓ moves again
wait_for "Editor: PDAC"

echo "$name: Ctrl+T round all eight tabs back to Edit, then ↓ moves in the outline"
keys C-t
on_results
keys C-t C-t C-t C-t C-t C-t C-t
on_edit
keys Down
wait_for "Editor: CCA"

echo "$name: Alt+D, then D computes the global drivers at once (Esc cancels)"
keys M-d
wait_for "D global drivers"
keys d
wait_for "Computing the global drivers"
keys Escape
wait_for "Drivers cancelled"
running || fail "Esc quit the program"

echo "$name: F6 pins; Open another scenario: the message wraps, the what-if names the baseline"
keys M-e
on_edit
keys F6
wait_for "Pinned '"
keys C-o
wait_for "Open scenario"
keys End; keys -N 300 BSpace
keys "$payer" Enter
wait_for "Outline: payer-commercial-1m.json"
wait_for "Live what-if: means of 4,000 iterations"
wait_for "In brackets: the difference from the baseline"   # (120x40: room for it)
wait_for "F6 clears it)."
screen
keys C-q
wait_for "Quit and lose the results?"
keys BTab Enter                          # Quit
wait_exit

echo "$name: 80x24 — the payer's Budget tab: Alt+B, then PgDn scrolls the table at once"
start 80 24 ui "$payer"
wait_for "New starts"
settled
keys M-b
wait_for "Annual budget impact"
before=$(screen)
keys PageDown
wait_changed screen "$before"
wait_for "Annual budget impact"
keys Right Left
wait_for "Annual budget impact"
wait_gone "Outline:"

echo "$name: 80x24 — pin, New: the long message wraps above the status bar instead of being cut"
keys F6
wait_for "Pinned '"
keys C-n
wait_for "another scenario"
wait_for "F6 clears it)."
screen
keys C-q
wait_for "Quit and lose the results?"
keys BTab Enter
wait_exit
echo "$name: passed"
