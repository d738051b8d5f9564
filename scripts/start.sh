#!/usr/bin/env bash
# The main job: build the extension, build the dashboard, start the collector with a demo district.
# HOST, PORT and DB (a SQLite file; or DATABASE_URL for PostgreSQL) change where it listens and stores.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/ensure-node.sh
bash scripts/ensure-node-modules.sh

step() { printf '%s… ' "$1" >&2; }
done_in() { echo "done ($(($(date +%s) - $1)) s)" >&2; }
build() { # quiet unless it fails
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then echo "failed: $*" >&2; cat "$log" >&2; rm -f "$log"; exit 1; fi
  rm -f "$log"
}

started=$(date +%s)
step "Building the extension for Chromium and Firefox and the dashboard (about a minute)"
build npx wxt build
build npx wxt build -b firefox
build npm run --silent build:dashboard
build node collector/bin/build.mjs
done_in "$started"

cat <<TXT

Extension built:
  Chromium / Chrome / Yandex Browser: $(pwd)/.output/chrome-mv3
      (chrome://extensions → «Режим разработчика» → «Загрузить распакованное» → choose this folder;
       id leiigdjfeefjmcnfndecnklanfbdneep)
  Firefox ESR 140+:                    $(pwd)/.output/firefox-mv3
      (about:debugging → «Этот Firefox» → «Загрузить временное дополнение» → manifest.json)

Starting the collector with a demo district; every podskazka-collector command uses the same database
unless given --db or --database-url.
TXT
db_args=()
[ -n "${DB:-}" ] && db_args=(--db "$DB")
exec node collector/bin/podskazka-collector.js serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8787}" "${db_args[@]}" --demo
