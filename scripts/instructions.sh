#!/usr/bin/env bash
# Instructions per full assessment of each workload file, counted by callgrind
# (deterministic, unlike times on a shared machine): one run of 11
# assessments minus one run of 1, over 10. See BENCHMARKS.md.
#   scripts/instructions.sh assets/workloads/mvp_backend.ron [...]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }
cargo build --release --quiet --example assess_loop
bin=target/release/examples/assess_loop
refs() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 \
    | awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
for file in "$@"; do
  one=$(refs "$file" 1)
  eleven=$(refs "$file" 11)
  echo "$(basename "$file"): $(( (eleven - one) / 10 )) instructions per assessment"
done
