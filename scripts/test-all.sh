#!/usr/bin/env bash
# Every test: types, unit tests, the built extension end to end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-env.sh
npx tsc --noEmit
npx vitest run
npx wxt build
npx playwright test
