#!/usr/bin/env bash
# Fuzzes every paperlens fuzz target briefly with cargo-fuzz (libFuzzer).
#
#   bash fuzz/run.sh                 # every target, 30 seconds each
#   FUZZ_SECONDS=300 bash fuzz/run.sh            # longer
#   bash fuzz/run.sh corpus_load bibtex_import   # only these targets
#
# Installs cargo-fuzz if it is missing. cargo-fuzz needs nightly compiler flags; on a stable
# toolchain RUSTC_BOOTSTRAP=1 unlocks them. The address sanitizer is used where it works, and
# `--sanitizer none` where it does not (FUZZ_SANITIZER=none forces that).
#
# Each target starts from the small committed seeds in fuzz/seeds/<target>/ and keeps what it
# finds in fuzz/corpus/<target>/ (git-ignored). A crash stops the run, is saved under
# fuzz/artifacts/<target>/ (git-ignored) and is reproduced with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run <target> fuzz/artifacts/<target>/crash-…
# Turn each one into a regression test in tests/cli/hostile/ (a `fuzz_regression_*` test).
set -euo pipefail
cd "$(dirname "$0")"

seconds="${FUZZ_SECONDS:-30}"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz
fi

if (($#)); then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi

sanitizer="${FUZZ_SANITIZER:-address}"
if [ "$sanitizer" = address ] && ! cargo fuzz build --sanitizer address "${targets[0]}" >/dev/null 2>&1; then
  echo "the address sanitizer is not available here; fuzzing without it" >&2
  sanitizer=none
fi

for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  seeds=()
  [ -d "seeds/$target" ] && seeds=("seeds/$target")
  echo "== $target: ${seconds}s (sanitizer: $sanitizer)" >&2
  cargo fuzz run --sanitizer "$sanitizer" "$target" "corpus/$target" "${seeds[@]}" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
echo "no crashes in: ${targets[*]}" >&2
