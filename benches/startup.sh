#!/usr/bin/env bash
# Startup benchmark: time from process start to the first rendered frame, and peak RSS, for
# paperlens on the built-in corpus and for a bare eframe window (examples/bare_window.rs),
# measured in the same run. Needs a display, or xvfb-run (Debian package xvfb).
#
#   bash benches/startup.sh [RUNS]     # default 7 runs each; prints medians
#
# Budget: paperlens ≤ 1.2 × the bare window's time to first frame, and ≤ +30 MB peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
cargo build --release --quiet --bin paperlens --example bare_window
wrap=()
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "no display and no xvfb-run: apt-get install xvfb" >&2; exit 2; }
  wrap=(xvfb-run -a -s "-screen 0 1920x1080x24")
fi
export PAPERLENS_STATE_DIR
PAPERLENS_STATE_DIR=$(mktemp -d)
measure() { # prints "first_frame_ms peak_rss_kb" for one run of the command
  local out
  out=$("${wrap[@]}" /usr/bin/time -f "rss %M" "$@" 2>&1)
  echo "$(grep -o 'first frame after [0-9.]*' <<<"$out" | awk '{print $4}') $(grep -o 'rss [0-9]*' <<<"$out" | awk '{print $2}')"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
report() {
  local name=$1; shift
  local times=() rss=()
  for _ in $(seq "$runs"); do
    read -r t r < <(measure "$@")
    times+=("$t"); rss+=("$r")
  done
  local tm rm
  tm=$(printf '%s\n' "${times[@]}" | median)
  rm=$(printf '%s\n' "${rss[@]}" | median)
  echo "$name: first frame after $tm ms (median of $runs), peak RSS $((rm / 1024)) MiB"
  eval "${name//-/_}_ms=$tm; ${name//-/_}_kb=$rm"
}
report bare-window target/release/examples/bare_window
report paperlens target/release/paperlens --measure-startup
awk -v p="$paperlens_ms" -v b="$bare_window_ms" -v pr="$paperlens_kb" -v br="$bare_window_kb" 'BEGIN {
  printf "paperlens / bare window: %.2f× time (budget 1.2×), %+.1f MiB peak RSS (budget +30 MiB)\n", p / b, (pr - br) / 1024 }'
