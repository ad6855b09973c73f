#!/usr/bin/env bash
# Startup benchmark, measured as a whole process: start → first frame rendered → screenshot
# PNG written → exit, for paperlens on the built-in corpus (`paperlens --screenshot`) and for a
# bare eframe window doing the same (`examples/bare_window.rs --screenshot`), 1280×800, runs
# interleaved. The bare window is measured twice: drawing nothing, and drawing one label
# (`--label`); without a GPU the software renderer compiles its shaders on the first draw, a
# cost the window that draws nothing never pays. For each: median wall time, median CPU time (user + system) and median peak RSS
# from /usr/bin/time. Needs a display, or Xvfb (Debian packages xvfb and time); one Xvfb server
# is started for the whole run, so its own start is not counted.
#
#   bash benches/startup.sh [RUNS]     # default 8 runs each; prints medians and ratios
#
# CPU time is less disturbed by other work on the machine than wall time; both are reported.
# Budget: paperlens ≤ 1.2 × the bare window (wall and CPU), ≤ +30 MiB peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-8}
cargo build --release --quiet --bin paperlens --example bare_window
target=${CARGO_TARGET_DIR:-target}
paperlens=$target/release/paperlens
bare=$target/release/examples/bare_window
[ -x /usr/bin/time ] || { echo "no /usr/bin/time: apt-get install time" >&2; exit 2; }
work=$(mktemp -d)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "no display and no Xvfb: apt-get install xvfb" >&2; exit 2; }
  display=99
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.05; done
  export DISPLAY=":$display"
fi
export PAPERLENS_STATE_DIR=$work/state XDG_RUNTIME_DIR=$work
mkdir -p "$PAPERLENS_STATE_DIR"

# One run: prints "wall_s cpu_s peak_rss_kb", after checking the PNG was written.
measure() {
  local png=$work/shot.png
  rm -f "$png"
  /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" --screenshot "$png" >/dev/null 2>"$work/stderr" || {
    echo "failed: $* --screenshot $png" >&2; cat "$work/stderr" >&2; exit 1; }
  [ -s "$png" ] || { echo "no screenshot from $*" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$work/time"
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

: >"$work/bare" ; : >"$work/label" ; : >"$work/paperlens"
measure "$bare" >/dev/null # warm the file cache
measure "$paperlens" >/dev/null
for _ in $(seq "$runs"); do
  measure "$bare" >>"$work/bare"
  measure "$bare" --label >>"$work/label"
  measure "$paperlens" >>"$work/paperlens"
done
summary() { # name file → sets <name>_wall <name>_cpu <name>_rss
  local wall cpu rss
  wall=$(awk '{ print $1 }' "$2" | median)
  cpu=$(awk '{ print $2 }' "$2" | median)
  rss=$(awk '{ print $3 }' "$2" | median)
  printf '%-12s wall %.3f s, CPU %.3f s, peak RSS %.1f MiB (medians of %d)\n' \
    "$1:" "$wall" "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$runs"
  eval "${1//-/_}_wall=$wall; ${1//-/_}_cpu=$cpu; ${1//-/_}_rss=$rss"
}
summary bare-window "$work/bare"
summary bare-label "$work/label"
summary paperlens "$work/paperlens"
ratio() { # yardstick name, wall, CPU, RSS
  awk -v name="$1" -v bw="$2" -v bc="$3" -v br="$4" -v pw="$paperlens_wall" -v pc="$paperlens_cpu" \
    -v pr="$paperlens_rss" 'BEGIN { printf "paperlens / %s: %.2f× wall, %.2f× CPU (budget 1.2×), %+.1f MiB peak RSS (budget +30 MiB)\n",
    name, pw / bw, pc / bc, (pr - br) / 1024 }'
}
ratio "bare window" "$bare_window_wall" "$bare_window_cpu" "$bare_window_rss"
ratio "bare window with a label" "$bare_label_wall" "$bare_label_cpu" "$bare_label_rss"
