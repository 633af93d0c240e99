# Shared helpers of the terminal UI's tmux scripts (sourced, not run). Nothing waits a fixed time for the program to be
# ready: every step polls `tmux capture-pane -p` for what it expects, with a generous timeout, so the scripts pass on a
# loaded machine and fail fast with the screen when something never appears.
# The sourcing script sets: name (for messages), session, and optionally UI_SMOKE_TMUX (another tmux binary).
E2E_TIMEOUT=${E2E_TIMEOUT:-120}   # seconds any one expected text may take to appear (a loaded 2-core machine)

tmux_() { ${UI_SMOKE_TMUX:-tmux} "$@"; }
have_tmux() { command -v "${UI_SMOKE_TMUX:-tmux}" >/dev/null; }
screen() { tmux_ capture-pane -p -t "$session" 2>/dev/null; }
keys() { tmux_ send-keys -t "$session" "$@"; }
fail() { echo "$name: FAIL: $*"; echo "----- screen -----"; screen; exit 1; }
# poll: a short pause between two looks at the screen (not a wait for readiness)
poll() { sleep 0.2; }
# wait_for TEXT [SECONDS]: until the screen shows TEXT
wait_for() {
  local deadline=$((SECONDS + ${2:-$E2E_TIMEOUT}))
  until screen | grep -qF -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "did not see '$1'"
    poll
  done
}
# wait_gone TEXT [SECONDS]: until the screen no longer shows TEXT
wait_gone() {
  local deadline=$((SECONDS + ${2:-$E2E_TIMEOUT}))
  while screen | grep -qF -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "'$1' stayed on the screen"
    poll
  done
}
# wait_exit [SECONDS]: until the program has quit (its tmux session is gone)
wait_exit() {
  local deadline=$((SECONDS + ${1:-$E2E_TIMEOUT}))
  while tmux_ has-session -t "$session" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || fail "the program did not quit"
    poll
  done
}
running() { tmux_ has-session -t "$session" 2>/dev/null; }
# wait_changed COMMAND BEFORE [SECONDS]: until COMMAND prints something other than BEFORE (and not nothing)
wait_changed() {
  local deadline=$((SECONDS + ${3:-$E2E_TIMEOUT})) now
  while :; do
    now=$($1)
    [ -n "$now" ] && [ "$now" != "$2" ] && break
    [ $SECONDS -lt $deadline ] || fail "'$1' stayed '$2'"
    poll
  done
}
# settled: the live what-if has caught up with the last edit (no "updating…"; the status says valid or names errors)
settled() {
  wait_gone "updating…"
  wait_for "valid"
}

# setup_session: builds funnelsim (Debug) and sets bin (the program), work (a temporary folder, removed with the session on
# exit) and payer (a copy of the shipped payer scenario in it: nothing the session does touches the repository); then
# `start WIDTH HEIGHT [ARGS…]` opens the UI in the session, in $work, its standard error in $work/stderr.txt.
setup_session() {
  dotnet build src/FunnelSim -v quiet -nologo >/dev/null
  bin="$PWD/src/FunnelSim/bin/Debug/net10.0/funnelsim"
  work=$(mktemp -d)
  payer="$work/payer-commercial-1m.json"
  cp scenarios/payer-commercial-1m.json "$payer"
  trap 'tmux_ kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
}
start() { # start WIDTH HEIGHT [ARGS…]
  local w=$1 h=$2; shift 2
  tmux_ new-session -d -s "$session" -x "$w" -y "$h" -c "$work" -e XDG_CONFIG_HOME="$work/config" "$bin $* 2>$work/stderr.txt" \
    || fail "tmux could not start (on a machine whose /dev/null is not a character device, give UI_SMOKE_TMUX a wrapper)"
}
