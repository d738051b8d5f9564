#!/usr/bin/env bash
# The main job: build the extension, build the dashboard, start the collector with a demo district.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/ensure-node.sh
bash scripts/ensure-node-modules.sh

npx wxt build >/dev/null
npx wxt build -b firefox >/dev/null
npm run --silent build:dashboard >/dev/null

cat <<TXT

Extension built:
  Chromium / Chrome / Yandex Browser: $(pwd)/.output/chrome-mv3
      (chrome://extensions → «Режим разработчика» → «Загрузить распакованное» → choose this folder;
       id leiigdjfeefjmcnfndecnklanfbdneep)
  Firefox ESR:                         $(pwd)/.output/firefox-mv3
      (about:debugging → «Этот Firefox» → «Загрузить временное дополнение» → manifest.json)

Starting the collector with a demo district (embedded SQLite in ${DB:-podskazka-demo.db})…
TXT
exec npx podskazka-collector serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8787}" --db "${DB:-podskazka-demo.db}" --demo
