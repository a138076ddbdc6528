#!/usr/bin/env bash
# Builds the release and prints the benchmark table (see docs/performance.md).
# Pass --no-lighthouse to skip the slow Lighthouse runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh --browsers
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
node tests/bench.mjs "$@"
