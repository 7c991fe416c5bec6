#!/usr/bin/env bash
# Installs what trolyso needs on a fresh Debian/Ubuntu machine: Node >= 22.12, the npm
# packages (from package-lock.json), and for the tests Chromium and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh

if [ "${1:-}" = "--with-test-tools" ] && { ! command -v chromium >/dev/null 2>&1 || ! command -v pdfsig >/dev/null 2>&1; }; then
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium poppler-utils >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
