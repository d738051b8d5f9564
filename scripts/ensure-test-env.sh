#!/usr/bin/env bash
# Installs what the tests need from Debian's packages and npm, when it is missing. Safe to run twice.
# Prints `TEST_DATABASE_URL=…` as its last line (the local PostgreSQL the collector's tests use).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

bash scripts/ensure-node-modules.sh

bash scripts/ensure-postgres.sh | tail -n1
