#!/usr/bin/env bash
# Installs the npm packages when they are missing or older than the lock file.
# `npm install`, not `npm ci`: the registry reachable here lacks the other platforms' builds of
# rollup's optional packages, so npm leaves them out of the lock and `npm ci` rejects it as
# out of sync. `npm install` keeps the locked versions of everything else.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund >&2
fi
