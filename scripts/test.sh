#!/usr/bin/env bash
# Runs every test: installs what the tests need (Node >= 22.12, npm packages, Chromium,
# poppler-utils), then typecheck, lint and vitest (npm test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --with-test-tools
. scripts/ensure-node.sh
exec npm test
