#!/usr/bin/env bash
# Sets up (if needed) and runs every test layer, printing each layer's counts:
#   1. formatting and lints (native and wasm32)
#   2. native unit and property tests of every crate (cargo test --workspace)
#   3. component tests in Chromium, Firefox and WebKit (wasm-bindgen-test)
#   4. end-to-end tests of the release build in Chromium, phone and desktop,
#      with an axe scan of every page (node --test + playwright-core)
#   5. end-to-end tests in Firefox and WebKit over WebDriver (selenium-webdriver)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
bash .ci/setup.sh --browsers
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m (%ss)\n' "$*" $((SECONDS - started)); }

step "Release build, in the background while the layers below run"
# One build: a build for another base path differs only in its pages and
# service worker, which the post-build step also writes into dist-subpath.
# It runs beside the lints and the native and component tests: each of them
# leaves a core idle for part of its time (one crate at a time, linking,
# starting a browser), and cargo locks the release and debug outputs
# separately. Its output is shown if it fails.
# A rerun keeps the last build when nothing it reads has changed: every file
# but the tests and docs (untracked ones too), and the tools' versions.
release_inputs() {
  git ls-files -co --exclude-standard -z -- . ':!tests' ':!docs' ':!.ci' ':!*.md' \
    | sort -z | xargs -0 sha256sum 2>&1 || true
  trunk --version; wasm-bindgen --version; wasm-opt --version; rustc --version
  cargo install --list | grep '^wasm_split_cli_support ' || true
}
stamp=target/release-inputs.sha256
inputs=
git rev-parse --is-inside-work-tree >/dev/null 2>&1 && inputs=$(release_inputs | sha256sum)
# The stamp also holds the pages it built: any other build since (trunk
# serve's, a trial's) does not pass for this one.
built() { sha256sum dist/index.html dist-subpath/index.html 2>/dev/null | sha256sum; }
release_log=$(mktemp)
if [ -n "$inputs" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$inputs $(built)" ]; then
  echo "Nothing the build reads has changed since the last one: dist kept."
  release_job=
else
  rm -f "$stamp"
  # In a process group of its own, so that it can be stopped whole.
  HR_ALSO_PUBLIC_URL=/rehab/ HR_ALSO_DIST=dist-subpath setsid trunk build --release >"$release_log" 2>&1 &
  release_job=$!
fi
release_done() {
  [ -n "$release_job" ] || return 0
  wait "$release_job" || { cat "$release_log"; echo "The release build failed."; exit 1; }
  release_job=
  [ -z "$inputs" ] || { mkdir -p target && echo "$inputs $(built)" > "$stamp"; }
}
# Stopped with the script, if a layer fails first.
trap '[ -z "${release_job:-}" ] || kill -- "-$release_job" 2>/dev/null || true' EXIT

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy: every crate natively, the web app for wasm32"
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy -p hamstring-rehab --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings

step "Native tests: the rules (crates/domain), the words (crates/content)"
cargo test --workspace --quiet

# wasm-bindgen-test-runner picks GECKODRIVER, then SAFARIDRIVER, then
# CHROMEDRIVER: the first one set wins, so each engine gets its own run.
export WASM_BINDGEN_TEST_TIMEOUT=120 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
step "Component tests in Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  cargo test --target wasm32-unknown-unknown --test components
step "Component tests in Firefox"
GECKODRIVER="$HOME/.cargo/bin/geckodriver" cargo test --target wasm32-unknown-unknown --test components
step "Component tests in WebKit (MiniBrowser, on a virtual display)"
# WebKit's web process has been seen to abort at start-up on this machine
# (GLib: "getauxval () failed: Interrupted system call"), before any test
# ran: one more run then. A test that fails, fails both times.
webkit_components() {
  SAFARIDRIVER=/usr/bin/WebKitWebDriver xvfb-run -a cargo test --target wasm32-unknown-unknown --test components
}
webkit_components || { echo "WebKit's run failed; once more"; webkit_components; }

step "Waiting for the release build"
release_done

step "End-to-end tests against the release build (Chromium, with axe)"
# Two files at a time: most of a test is waiting on the browser (130 tests
# took 192 s so, against 357 s one file at a time, on a loaded 2-core machine).
node --test --test-concurrency=2 tests/e2e/

step "End-to-end tests in Firefox and WebKit over WebDriver"
node --test --test-concurrency=1 tests/webdriver/

step "All test layers passed in $((SECONDS - started))s"
