#!/usr/bin/env bash
# Dependency hygiene (deny.toml): licences compatible with EUPL-1.2 distribution, banned
# crates, and crates.io as the only source. Installs cargo-deny when missing. The advisory
# check needs the RustSec database, which these machines cannot fetch (see deny.toml).
source "$(dirname "$0")/lib.sh"

version=0.20.2
if [ "$(cargo deny --version 2>/dev/null | cut -d' ' -f2)" != "$version" ]; then
  # --locked can fail when a pinned transitive crate is missing from the registry mirror
  # (toolchain.md, pitfall 1); the unlocked retry resolves fine.
  step cargo install cargo-deny --version "$version" --locked \
    || step cargo install cargo-deny --version "$version"
fi
step cargo deny check --hide-inclusion-graph licenses bans sources
