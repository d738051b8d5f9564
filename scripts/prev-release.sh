#!/usr/bin/env bash
# The previous release (cb637d5, 2026-11-24: wire format v1 only), extracted from git, installed
# and its Chromium extension built, once, outside the project; the cross-release e2e runs its
# collector and its extension against today's. Prints the folder. Logs go to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh
COMMIT=cb637d5b6420fb78d615902af6c598591db0430d
DIR="${PODSKAZKA_CACHE:-$HOME/.cache/podskazka}/prev-release-${COMMIT:0:7}"
if [ -f "$DIR/.built" ]; then echo "$DIR"; exit 0; fi
if ! git cat-file -e "$COMMIT^{commit}" 2>/dev/null; then
  git fetch -q origin "$COMMIT" >&2 || git fetch -q --unshallow origin >&2 || true
fi
git cat-file -e "$COMMIT^{commit}" 2>/dev/null || { echo "prev-release: commit $COMMIT is not in this clone; clone with history (not --depth)" >&2; exit 1; }
rm -rf "$DIR" && mkdir -p "$DIR"
git archive "$COMMIT" | tar -x -C "$DIR"
(cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error >&2 && npx wxt build >&2)
touch "$DIR/.built"
echo "$DIR"
