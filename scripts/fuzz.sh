#!/usr/bin/env bash
# Fuzzes every parser of outside input with cargo-fuzz (libFuzzer), DURATION seconds per
# target (default 60), one target after the other. Installs what it needs: a minimal nightly
# toolchain (rustup) and cargo-fuzz (crates.io).
#
#   bash scripts/fuzz.sh [TARGET...]         DURATION=600 bash scripts/fuzz.sh scenario_json
#   MERGE=1 bash scripts/fuzz.sh            also add a small new-coverage set to fuzz/corpus/
#   COVERAGE=1 bash scripts/fuzz.sh         also report the line coverage of src/ each target reached
#
# New inputs go to a scratch corpus (target/fuzz-work/<target>); fuzz/corpus/<target> (committed,
# replayed on stable by tests/fuzz_replay.rs) is only read, unless MERGE=1. A crash stops that
# target's run and leaves its reproducer in fuzz/artifacts/<target>/ (the other targets still
# run, and the script exits 1); replay it with
# `cargo +nightly fuzz run <target> fuzz/artifacts/<target>/crash-…`, then add it to
# fuzz/corpus/<target>/ so the stable replay test keeps it fixed.
source "$(dirname "$0")/lib.sh"

duration="${DURATION:-60}"

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  step rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  step cargo install cargo-fuzz --locked
fi

if [ "${COVERAGE:-0}" = 1 ] && ! rustup component list --toolchain nightly --installed | grep -q '^llvm-tools'; then
  step rustup component add llvm-tools-preview --toolchain nightly
fi
llvm_bin="$(rustc +nightly --print sysroot)/lib/rustlib/$(rustc +nightly -vV | sed -n 's/^host: //p')/bin"

cd fuzz
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

# One more geography seed: the bundled data as it is now (the committed seed may be of an
# older format), in the scratch corpus so that a run changes no committed file.
mkdir -p target/fuzz-work/geography
{ cat ../data/geo/gemeenten.bin; printf '\n--8<--\n'; cat ../data/geo/waterschappen.bin
  printf '\n--8<--\n'; cat ../data/geo/meta.tsv; printf '\n--8<--\n'; cat ../data/geo/aliases.csv
  printf '\n--8<--\n'; cat ../data/geo/water.bin
} >target/fuzz-work/geography/bundled-now.bin

step cargo +nightly fuzz build
summary=()
failed=0
for t in "${targets[@]}"; do
  work="target/fuzz-work/$t"
  log="target/fuzz-work/$t.log"
  mkdir -p "$work" "corpus/$t"
  echo "==> fuzzing $t for ${duration}s (log: fuzz/$log)"
  # -timeout: one input taking over 10 s is a finding (a hang); -rss_limit_mb: 2 GiB;
  # -print_final_stats: the executions for the summary below.
  rc=0
  cargo +nightly fuzz run "$t" "$work" "corpus/$t" -- -max_total_time="$duration" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || rc=$?
  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log" || true
  if [ "$rc" -ne 0 ]; then
    grep -E -A1 'panicked at|ERROR: libFuzzer' "$log" | head -4 || true
    grep -E 'Test unit written' "$log" || tail -5 "$log"
    summary+=("$t: FINDING (exit $rc): reproducer in fuzz/artifacts/$t/, log fuzz/$log")
    failed=1
    continue
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1)
  summary+=("$t: ${execs:-?} executions in ${duration}s, ${cov:-cov: ?}, no finding")
  if [ "${COVERAGE:-0}" = 1 ]; then
    # Replays corpus and scratch corpus through an instrumented build; lines of src/ reached.
    cargo +nightly fuzz coverage "$t" "corpus/$t" "$work" >"target/fuzz-work/$t.coverage.log" 2>&1
    bin=$(find target -path '*/coverage/*/release/'"$t" -type f | head -1)
    "$llvm_bin/llvm-cov" report "$bin" -instr-profile="coverage/$t/coverage.profdata" \
      --ignore-filename-regex='(\.cargo|rustc|/fuzz/)' >"target/fuzz-work/$t.coverage.txt"
    echo "==> $t: line coverage of src/ (files reached)"
    awk 'NR > 2 && $10 != "0.00%" && $1 != "TOTAL" && $1 !~ /^-/ { printf "    %-28s %s of %s lines\n", $1, $10, $8 }' \
      "target/fuzz-work/$t.coverage.txt"
  fi
  if [ "${MERGE:-0}" = 1 ]; then
    # Adds to the committed corpus a small set of inputs (at most MERGE_MAX_BYTES each,
    # default 2048; catalogue_json was merged with 512) that together
    # reach every edge the scratch corpus reached beyond it (set cover, hit counts ignored),
    # so that the committed corpus stays small.
    cand="target/fuzz-work/$t.merge"
    rm -rf "$cand" && mkdir -p "$cand"
    find "$work" -type f -size -"$(( ${MERGE_MAX_BYTES:-2048} + 1 ))"c -exec cp {} "$cand/" \;
    step cargo +nightly fuzz run "$t" "corpus/$t" "$cand" -- -set_cover_merge=1 -use_counters=0 \
      >"target/fuzz-work/$t.merge.log" 2>&1
    grep 'MERGE-OUTER: .* new files' "target/fuzz-work/$t.merge.log" || true
  fi
done
echo "==> summary (cov = edges covered, ft = features, corp = corpus entries/size)"
printf '%s\n' "${summary[@]}"
exit "$failed"
