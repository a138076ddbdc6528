#!/usr/bin/env bash
# Sets up (if needed) and serves the release build at http://127.0.0.1:8080,
# rebuilding on changes. No auto-reload: trunk's reload script is inline and
# the release page's Content-Security-Policy (rightly) refuses it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --release --no-autoreload "$@"
