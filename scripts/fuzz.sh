#!/usr/bin/env bash
# Runs each loader's fuzz target (fuzz/fuzz_targets/) for SECONDS (600 by
# default), one after another, seeded with the shipped files and guided by
# fuzz/ron.dict. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`). Findings land in fuzz/artifacts/<target>/;
# each one becomes a case under tests/bad_inputs/ or a regression test.
set -euo pipefail
seconds=${1:-600}
cd "$(dirname "$0")/../fuzz"
cargo +nightly fuzz build -O
for target in workload pricing pattern; do
  case $target in
    workload) seeds=../assets/workloads ;;
    pricing) seeds=../assets ;;
    pattern) seeds=../patterns ;;
  esac
  mkdir -p "corpus/$target"
  echo "== $target for $seconds s"
  cargo +nightly fuzz run -O "$target" "corpus/$target" "$seeds" -- \
    -dict=ron.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
