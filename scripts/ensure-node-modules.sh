#!/usr/bin/env bash
# Installs the npm packages, exactly as locked, when they are missing or older than the lock file.
# package.json pins rollup (`overrides`) to a release whose builds for every platform the registry
# reachable here holds: with a newer one npm leaves the missing platforms out of the lock, and
# `npm ci` then rejects the lock as out of sync.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund >&2
fi
