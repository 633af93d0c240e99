#!/usr/bin/env bash
# End-to-end check in a real terminal (tmux) that nothing the analyst made is lost (issue 10): Esc never quits (also
# after a full run), text that is not a number marks the node and blocks F5, Save As asks before replacing a file (and
# Enter keeps it), a pinned baseline kept across Open says it is another scenario, and the commercial view (Treated tab)
# reads at 120x40 and 80x24 (the plan's table). Every wait polls the screen for the text it expects (no fixed sleeps), so a loaded machine
# only makes it slower. Skips (exit 0) when tmux is missing.
# Usage: tests/e2e/ui-safety.sh     (from the repository root; builds src/FunnelSim first)
#        UI_SMOKE_TMUX=/path/to/tmux-wrapper tests/e2e/ui-safety.sh   (a tmux that can start its server here)
set -euo pipefail
cd "$(dirname "$0")/../.."
name=ui-safety
session="funnelsim-safety-e2e-$$"
source tests/e2e/tmux-lib.sh
if ! have_tmux; then echo "$name: tmux not found; skipped"; exit 0; fi

setup_session   # builds funnelsim; sets bin, work (a temporary folder) and payer; start WIDTH HEIGHT [ARGS…]

echo "$name: 120x40 — the base case; Esc never quits"
start 120 40
wait_for "New starts"
settled
keys Escape
wait_for "Esc never quits: Ctrl+Q"
running || fail "Esc quit the program"

echo "$name: F5, then Esc twice: the results stay"
keys F5
wait_for "Full run: 20,000 iterations"
keys Escape
wait_for "Esc never quits: Ctrl+Q"
# A key sent right after Esc would reach the program as Alt+key: each Esc is followed by a look at its effect.
keys F8                                  # another message first, so the second Esc shows
wait_for "No problems: the scenario is valid."
keys Escape
wait_for "Esc never quits: Ctrl+Q"
running || fail "a second Esc quit the program"

echo "$name: '195000abc' in NSCLC › Incidence › Value marks the node and blocks F5"
keys Down Down Right                     # (still in the outline on the Edit tab) NSCLC, expanded
keys Down                                # Incidence
wait_for "Editor: NSCLC › incidence"
keys Tab Tab                             # Form → Value
keys End abc
wait_for "'195000abc' is not a number"
wait_for "Incidence !"
wait_for "1 error(s)"
keys F5
wait_for "Problems (Enter goes to the field)"
keys Escape
wait_gone "Problems (Enter goes to the field)"
wait_for "fix them before running"
keys BSpace BSpace BSpace
wait_gone "Incidence !"
settled

echo "$name: Save As over an existing file asks, and Enter (Cancel) keeps it"
printf 'keep me\n' > "$work/existing.json"
keys C-s
wait_for "Save scenario as"
keys End; keys -N 300 BSpace             # empty the path field
keys "$work/existing.json" Enter
wait_for "Replace file?"
keys Enter
wait_for "exists and was kept"
[ "$(cat "$work/existing.json")" = "keep me" ] || fail "the existing file was replaced"

echo "$name: a pinned baseline kept across Open says it is another scenario"
keys F6
wait_for "Pinned '"
keys C-o
wait_for "has unsaved changes"           # Save / Discard / Cancel
keys BTab Enter                          # Discard
wait_for "Open scenario"
keys End; keys -N 300 BSpace
keys "$payer" Enter
wait_for "Outline: payer-commercial-1m.json"
wait_for "another scenario"
keys M-c                                 # an Alt+key is followed by a look at its effect, never by more keys at once
wait_for "(another scenario)"

echo "$name: the commercial view (Alt+T) at 120x40"
keys M-t
wait_for "Patients and sales per year"
for text in "New starts" "On treatment" "Doses" "Drug sales" "All years" "90% interval"; do
  wait_for "$text"
done
screen
keys C-q
wait_for "Quit and lose the results?"
keys Enter                               # Cancel, the default
wait_gone "Quit and lose the results?"
running || fail "Enter on the quit question quit"
keys C-q
wait_for "Quit and lose the results?"
keys BTab Enter                          # Quit
wait_exit

echo "$name: the commercial view at 80x24 (the plan's table fits: every year and the totals over the horizon)"
start 80 24 ui "$payer"
wait_for "New starts"
keys M-t
wait_for "Patients and sales per year"
for text in "New starts" "On treatment" "Doses" "Drug sales" "All years" "2030"; do
  wait_for "$text"
done
screen
keys C-q
wait_exit
echo "$name: passed"
