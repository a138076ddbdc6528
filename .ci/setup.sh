#!/usr/bin/env bash
# Installs what building (and, with --browsers, testing) Hamstring Rehab needs.
# Idempotent: each step checks first and skips what is already there at the
# right version. Works on a fresh Debian machine with rustup, Node 20 and root.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# Cuts an entry's lazily loaded parts out (pwa/postbuild.mjs); its runtime
# half is wasm_split_helpers, which leptos depends on.
WASM_SPLIT_VERSION=0.2.4
# Must equal the wasm-bindgen version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The tools below are built once on a fresh machine: build them for speed of
# building (no LTO, parallel codegen, little or no optimisation: each runs
# for seconds), not for the last percent of speed.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "Adding $component"
    rustup component add "$component"
  fi
done

# Downloads (Debian's browsers, npm packages) run in the background while
# the Rust tools compile: on a fresh two-core machine that saves minutes.
background=()
# The three browser engines the tests run in, and their WebDriver servers:
# Chromium, Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver, MiniBrowser,
# under Xvfb). Nothing downloads a browser: all come from Debian or crates.io.
if [ "${1:-}" = "--browsers" ]; then
  missing=()
  for pair in chromium:/usr/bin/chromium chromium-driver:/usr/bin/chromedriver \
      firefox-esr:/usr/bin/firefox-esr webkit2gtk-driver:/usr/bin/WebKitWebDriver xvfb:/usr/bin/xvfb-run; do
    [ -x "${pair#*:}" ] || missing+=("${pair%%:*}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing from Debian, in the background: ${missing[*]}"
    ( apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ) &
    background+=($!)
  fi
fi
# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-lock; then
  say "Installing npm packages in the background (wasm-opt and the browser-test tools)"
  ( npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.setup-lock ) &
  background+=($!)
fi

# The Rust tools build side by side: one build alone leaves a core idle for
# much of its time (single-crate steps, linking). Each logs to its own file,
# shown if it fails.
# Optimisation is only where it pays: wasm-bindgen parses each test build's
# wasm (megabytes), so it gets opt-level 1; trunk and geckodriver mostly wait
# on other programs, so they get none (all three built side by side in
# 243 s on an idle 2-core machine, where trunk alone took 232 s at
# opt-level 1). No TLS either (--no-default-features): the tools never
# download (Trunk.toml says offline) and talk to local servers only.
tools=()
install_tool() {
  local name=$1 opt_level=$2 log
  shift 2
  log=$(mktemp)
  say "Installing $name (a few minutes, once), in the background"
  ( CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt_level cargo install "$@" >"$log" 2>&1 || { cat "$log"; exit 1; } ) &
  tools+=($!)
}
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  install_tool "trunk $TRUNK_VERSION" 0 trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi
# Not --locked: its lock file asks for a dependency version the registry lacks.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  install_tool "wasm-bindgen-cli $WASM_BINDGEN_VERSION" 1 wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --no-default-features
fi
# It prints no version of its own: cargo's list of installed tools does.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  install_tool "wasm-split-cli $WASM_SPLIT_VERSION" 1 wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
fi
if [ "${1:-}" = "--browsers" ] && [ "$(geckodriver --version 2>/dev/null | head -1 | cut -d' ' -f2)" != "$GECKODRIVER_VERSION" ]; then
  install_tool "geckodriver $GECKODRIVER_VERSION" 0 geckodriver --version "$GECKODRIVER_VERSION" --locked
fi
for job in "${tools[@]}"; do
  wait "$job"
done

# Each background job must have succeeded.
for job in "${background[@]}"; do
  wait "$job"
done

# Trunk runs cargo offline (Trunk.toml), so fetch the crates first.
cargo fetch --quiet
