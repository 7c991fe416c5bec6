#!/usr/bin/env bash
# Installs what trolyso needs on a fresh Debian/Ubuntu machine: Node >= 22.12, the npm
# packages (from package-lock.json), and for the tests Chromium, poppler-utils (pdfsig,
# pdftoppm) and mupdf-tools (mutool sign -v, a second independent signature checker).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh

if [ "${1:-}" = "--with-test-tools" ] && { ! command -v chromium >/dev/null 2>&1 || ! command -v pdfsig >/dev/null 2>&1 || ! command -v mutool >/dev/null 2>&1; }; then
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium poppler-utils mupdf-tools >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
