#!/usr/bin/env bash
# Tries build-configuration levers on the start build (the wasm the page loads first) and
# prints what each does to its size after wasm-bindgen, raw and gzip (level 9, as
# scripts/sizes.mjs). App code is never changed: only rustc flags, profile settings, linker
# arguments, wasm-bindgen flags and wasm-opt passes. Results: docs/performance.md ("Tried").
#
#   bash scripts/size-levers.sh              every lever (long: each RUSTFLAGS lever is a full
#                                            release build of every dependency, in its own
#                                            target dir under target/levers/)
#   bash scripts/size-levers.sh base simd128 only the named levers
#
# A figure, never an assertion; writes target/levers/results.tsv.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh >/dev/null

out=target/levers
mkdir -p "$out"
results="$out/results.tsv"
wasm_opt_dir="$out/binaryen"

# The same wasm-bindgen flags as scripts/build.sh.
bindgen() { # <in.wasm> <out dir> [extra flags]
  local input=$1 dir=$2
  shift 2
  rm -rf "$dir"
  wasm-bindgen --target web --out-dir "$dir" --out-name start --no-typescript \
    --remove-name-section --remove-producers-section "$@" "$input"
}

gz() { node -e 'const z=require("zlib"),f=require("fs");const d=f.readFileSync(process.argv[1]);console.log(d.length+"\t"+z.gzipSync(d,{level:9}).length)' "$1"; }

record() { # <lever> <dir with start_bg.wasm and start.js>
  local sizes js
  sizes=$(gz "$2/start_bg.wasm")
  js=$(gz "$2/start.js" | cut -f2)
  printf '%s\t%s\t%s\n' "$1" "$sizes" "$js" | tee -a "$results"
}

# A start build with extra RUSTFLAGS and profile settings (env), in its own target dir so
# the flags do not invalidate the project's own build cache.
build() { # <lever> <target dir> [env assignments...]
  local lever=$1 dir=$2
  shift 2
  env "$@" CARGO_TARGET_DIR="$dir" cargo build --quiet --release --lib \
    --target wasm32-unknown-unknown --no-default-features
  bindgen "$dir/wasm32-unknown-unknown/release/routewijzer.wasm" "$out/pkg-$lever"
  record "$lever" "$out/pkg-$lever"
}

# Only the final crate's link step differs: `cargo rustc` passes the flags to it alone (the
# project's own target dir: the next `make build` rebuilds only this crate).
link_arg() { # <lever> <linker argument>
  local lever=$1
  shift
  cargo rustc --quiet --release --lib --target wasm32-unknown-unknown --no-default-features \
    -- -C "link-arg=$1"
  bindgen target/wasm32-unknown-unknown/release/routewijzer.wasm "$out/pkg-$lever"
  record "$lever" "$out/pkg-$lever"
}

wasm_opt() { # <lever> <passes...>: binaryen 132 from npm (toolchain.md 3.2), on the bindgen output
  local lever=$1 from=${FROM:-base}
  shift
  if [ ! -x "$wasm_opt_dir/node_modules/.bin/wasm-opt" ]; then
    mkdir -p "$wasm_opt_dir"
    (cd "$wasm_opt_dir" && npm install --no-audit --no-fund --no-save binaryen@132.0.0 >/dev/null)
  fi
  rm -rf "$out/pkg-$lever" && cp -r "$out/pkg-$from" "$out/pkg-$lever"
  "$wasm_opt_dir/node_modules/.bin/wasm-opt" --enable-bulk-memory --enable-bulk-memory-opt \
    --enable-reference-types --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-multivalue --enable-call-indirect-overlong \
    "$@" "$out/pkg-$from/start_bg.wasm" -o "$out/pkg-$lever/start_bg.wasm"
  record "$lever" "$out/pkg-$lever"
}

features() { build "$1" "$out/t-$1" RUSTFLAGS="-C target-feature=$2"; }

run() {
  case "$1" in
    base) # the project's own settings and cache (scripts/build.sh); kept for the levers below
      build base target
      cp target/wasm32-unknown-unknown/release/routewijzer.wasm "$out/base.wasm" ;;
    simd128) features simd128 +simd128 ;;
    tail-call) features tail-call +tail-call ;;
    extended-const) features extended-const +extended-const ;;
    no-bulk-memory) features no-bulk-memory -bulk-memory,-bulk-memory-opt ;;
    no-nontrapping-fptoint) features no-nontrapping-fptoint -nontrapping-fptoint ;;
    no-multivalue) features no-multivalue -multivalue ;;
    lto-thin) build lto-thin "$out/t-lto-thin" CARGO_PROFILE_RELEASE_LTO=thin ;;
    cgu-16) build cgu-16 "$out/t-cgu-16" CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 ;;
    strip-symbols) build strip-symbols "$out/t-strip" CARGO_PROFILE_RELEASE_STRIP=symbols ;;
    cdylib-only) # the crate's lib built as a cdylib alone, without the rlib beside it
      cargo rustc --quiet --release --lib --crate-type cdylib --target wasm32-unknown-unknown --no-default-features
      bindgen target/wasm32-unknown-unknown/release/routewijzer.wasm "$out/pkg-$1"
      record "$1" "$out/pkg-$1" ;;
    ld-O2) link_arg ld-O2 -O2 ;;
    ld-O0) link_arg ld-O0 -O0 ;;
    # The stack lies below the static data (rustc's --stack-first): with rustc's default 1 MiB
    # stack every static address is ≥ 2^20, one byte longer as an i32.const (signed LEB128).
    ld-stack-64k) link_arg ld-stack-64k -zstack-size=65536 ;;
    ld-stack-256k) link_arg ld-stack-256k -zstack-size=262144 ;;
    ld-stack-512k) link_arg ld-stack-512k -zstack-size=524288 ;;
    bindgen-keep-lld-exports)
      bindgen "$out/base.wasm" "$out/pkg-$1" --keep-lld-exports
      record "$1" "$out/pkg-$1" ;;
    bindgen-encode-into-always)
      bindgen "$out/base.wasm" "$out/pkg-$1" --encode-into always
      record "$1" "$out/pkg-$1" ;;
    dfe) wasm_opt dfe --duplicate-function-elimination ;;
    msf) wasm_opt msf --merge-similar-functions ;;
    dfe-msf) wasm_opt dfe-msf --duplicate-function-elimination --merge-similar-functions ;;
    applied|applied-simd128|applied-remap|applied-deps-unchecked) # as scripts/build.sh and make dist build it now (wasm_link, lib.sh)
      local dir=target flags="" config=()
      if [ "$1" = applied-simd128 ]; then dir="$out/t-simd128" flags="-C target-feature=+simd128"; fi
      # Panic locations name the source files: the crates' as this machine's registry path.
      if [ "$1" = applied-remap ]; then
        dir="$out/t-remap" flags="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src= --remap-path-prefix=$PWD="
      fi
      # The dependencies without overflow checks (as crates.io builds them in release by
      # default); our own crate keeps them, and so does generic code it instantiates.
      if [ "$1" = applied-deps-unchecked ]; then
        dir="$out/t-deps-unchecked" config=(--config 'profile.release.package."*".overflow-checks=false')
      fi
      # An empty RUSTFLAGS would override .cargo/config.toml's (+simd128): set it only for a lever.
      if [ -n "$flags" ]; then export RUSTFLAGS="$flags"; fi
      CARGO_TARGET_DIR="$dir" wasm_link --quiet --no-default-features "${config[@]}"
      bindgen "$dir/wasm32-unknown-unknown/release/routewijzer.wasm" "$out/pkg-$1-bindgen" --encode-into always
      FROM="$1-bindgen" wasm_opt "$1" --duplicate-function-elimination ;;
    *) echo "size-levers: unknown lever '$1'" >&2; return 2 ;;
  esac
}

levers=("$@")
[ ${#levers[@]} -gt 0 ] || levers=(base cdylib-only ld-O2 ld-O0 ld-stack-64k ld-stack-256k ld-stack-512k bindgen-keep-lld-exports
  bindgen-encode-into-always dfe msf dfe-msf simd128 tail-call extended-const
  no-nontrapping-fptoint no-bulk-memory no-multivalue cgu-16 lto-thin strip-symbols applied applied-simd128 applied-remap applied-deps-unchecked)
# base first: the wasm-opt levers work on its output, and every figure is read against it.
if [[ " ${levers[*]} " != *" base "* ]] && [ ! -f "$out/base.wasm" ]; then levers=(base "${levers[@]}"); fi
printf 'lever\twasm raw\twasm gzip\tjs gzip\n' | tee -a "$results"
for lever in "${levers[@]}"; do
  run "$lever" || printf '%s\tfailed\n' "$lever" | tee -a "$results"
done
