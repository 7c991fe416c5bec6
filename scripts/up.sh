#!/usr/bin/env bash
# One command from a fresh clone to a running trolyso: installs, then starts the API with the
# web chat on http://127.0.0.1:8787 over an embedded libSQL file (data/trolyso.db) that is
# created, migrated and seeded with the starter knowledge base on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. scripts/ensure-node.sh
exec npm start
