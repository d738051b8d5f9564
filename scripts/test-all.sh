#!/usr/bin/env bash
# Every test: types, unit and collector tests (SQLite and PostgreSQL), the built extension end to end
# in Chromium and Firefox ESR, the dashboard in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh   # everything below runs on Node >= 22.12 (fetched when the machine's is older)
env_line=$(bash scripts/ensure-test-env.sh | tail -n1)
export "${env_line?}"
npx tsc --noEmit
npx vitest run
npx wxt build
npx wxt build -b firefox
npm run --silent build:dashboard
npx playwright test
