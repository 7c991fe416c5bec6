#!/usr/bin/env bash
# Runs every test: installs what the tests need (Node >= 22.12, npm packages, Chromium,
# poppler-utils, mupdf-tools), then typecheck, lint and vitest (npm test), and closes with one
# "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --with-test-tools
. scripts/ensure-node.sh
results="$(mktemp -d)/vitest.json"
status=0
npm test -- --reporter=default --reporter=json --outputFile="$results" || status=$?
if [ -f "$results" ]; then
  node -e 'const r=require(process.argv[1]);console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests+r.numTodoTests} skipped`)' "$results"
fi
exit "$status"
