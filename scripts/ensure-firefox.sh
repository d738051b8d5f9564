#!/usr/bin/env bash
# Installs Debian's Firefox ESR for the real-Firefox tests (test/e2e/firefox-*.spec.ts). Safe to run twice.
# Callable on its own or sourced from scripts/ensure-test-env.sh (then call ensure_firefox_esr).
set -euo pipefail

ensure_firefox_esr() {
  if [ -x /usr/bin/firefox-esr ]; then return 0; fi
  echo "Installing firefox-esr from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends firefox-esr >/dev/null
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_firefox_esr
fi
