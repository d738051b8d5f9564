#!/usr/bin/env bash
# Installs the npm packages, exactly as locked, when they are missing, older than the lock file, or
# were installed by another Node release than the one the project runs on (scripts/ensure-node.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh

marker=node_modules/.podskazka-node
runtime="node $(node -p 'process.versions.node.split(".")[0] + " (modules " + process.versions.modules + ")"')"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] ||
  [ "$(cat "$marker" 2>/dev/null)" != "$runtime" ]; then
  count=$(grep -c '"node_modules/' package-lock.json || true)
  echo "Installing the project's npm packages exactly as locked ($count packages, about 200 MB; 1–3 minutes the first time) on $(node -v)…" >&2
  npm ci --no-audit --no-fund >&2
  echo "$runtime" >"$marker"
fi
