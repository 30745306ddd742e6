#!/usr/bin/env bash
# Start-up time, memory and idle CPU of the app against a minimal eframe window
# (examples/minimal_window.rs), side by side on one virtual display.
# Usage, from the project root:  scripts/startup.sh [RUNS]
# Needs Xvfb (installed with apt-get on first use). See BENCHMARKS.md.
set -euo pipefail
runs=${1:-15}
cargo build --release --quiet
cargo build --release --quiet --example minimal_window
app=target/release/serverless-advisor
minimal=target/release/examples/minimal_window

if ! command -v Xvfb >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq xvfb) >/dev/null 2>&1 || { echo "needs Xvfb"; exit 1; }
fi
display=:$((40 + RANDOM % 20))
# -noreset: without it the server resets after each run's last client leaves,
# and the next window may start during the reset.
Xvfb "$display" -screen 0 1400x900x24 -noreset >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1
export DISPLAY=$display

# One run: prints "<ms to first frame> <resident KiB then>".
probe() {
  local start line frame rss
  rm -rf "$data"/*
  start=$(date +%s%N)
  line=$(SERVERLESS_ADVISOR_STARTUP_PROBE=1 SERVERLESS_ADVISOR_DATA_DIR="$data" "$@" 2>/dev/null | grep startup-probe || true)
  [ -n "$line" ] || { echo "no probe line from $*" >&2; exit 1; }
  frame=${line#*first_frame_unix_ns=}; frame=${frame%% *}
  rss=${line#*rss_kib=}
  echo "$(( (frame - start) / 1000000 )) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

: >"$data.app"; : >"$data.min"
probe "$minimal" >/dev/null  # warm the file cache for both
probe "$app" >/dev/null
for _ in $(seq "$runs"); do   # alternate, so drift on this machine hits both alike
  probe "$minimal" >>"$data.min"
  probe "$app" >>"$data.app"
done
app_ms=$(cut -d' ' -f1 "$data.app" | median); min_ms=$(cut -d' ' -f1 "$data.min" | median)
app_kib=$(cut -d' ' -f2 "$data.app" | median); min_kib=$(cut -d' ' -f2 "$data.min" | median)
rm -f "$data.app" "$data.min"
echo "runs: $runs each, alternating; medians"
printf 'first frame:  app %6s ms   minimal %6s ms   ratio %.2f\n' "$app_ms" "$min_ms" "$(echo "$app_ms / $min_ms" | bc -l)"
printf 'resident:     app %6s KiB  minimal %6s KiB  ratio %.2f\n' "$app_kib" "$min_kib" "$(echo "$app_kib / $min_kib" | bc -l)"

# Idle: CPU ticks the open window uses over 10 s with nothing happening.
SERVERLESS_ADVISOR_DATA_DIR="$data" "$app" >/dev/null 2>&1 &
pid=$!
sleep 4
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks); sleep 10; after=$(ticks)
kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
echo "idle window: $((after - before)) CPU ticks in 10 s (1 tick = 10 ms)"
