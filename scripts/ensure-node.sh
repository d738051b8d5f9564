#!/usr/bin/env bash
# Source this (`. scripts/ensure-node.sh`) to run the rest of a script on Node >= 22.12.
# When the machine's own node is older, the official Node 24 binary is fetched once from the npm
# registry (package node-linux-<arch>: bin/node and include/node) into a cache outside the project
# folder, and put first on PATH: everything started afterwards — npm, npx, tsc, vitest, wxt,
# playwright, the collector — runs on it, and native modules (better-sqlite3) build against its
# headers. With a new enough node nothing is downloaded.
#   PODSKAZKA_NODE_CACHE  where the binary is kept (default ~/.cache/podskazka)

podskazka_node_version=24.22.3

podskazka_node_ok() {
  command -v "${1:-node}" >/dev/null 2>&1 &&
    "${1:-node}" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null
}

podskazka_ensure_node() {
  podskazka_node_ok && return 0
  local arch
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "Node.js >= 22.12 is needed, and there is no ready binary for $(uname -m): install Node 24 by hand." >&2; return 1 ;;
  esac
  local cache="${PODSKAZKA_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/podskazka}"
  local dir="$cache/node-v$podskazka_node_version-linux-$arch"
  if ! podskazka_node_ok "$dir/bin/node"; then
    echo "Node $(node -v 2>/dev/null || echo '(none)') is older than 22.12: fetching Node $podskazka_node_version (about 50 MB, under a minute) into $dir…" >&2
    mkdir -p "$cache"
    local tmp
    tmp=$(mktemp -d "$cache/.download.XXXXXX")
    if ! (cd "$tmp" && npm pack --silent "node-linux-$arch@$podskazka_node_version" >/dev/null &&
      tar -xzf node-linux-*.tgz && rm -f node-linux-*.tgz) ||
      ! podskazka_node_ok "$tmp/package/bin/node"; then
      rm -rf "$tmp"
      echo "Could not fetch node-linux-$arch@$podskazka_node_version from the npm registry." >&2
      return 1
    fi
    rm -rf "$dir"
    mv "$tmp/package" "$dir"
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  # what npm and node-gyp use to find the running node and its headers
  export NODE="$dir/bin/node" npm_node_execpath="$dir/bin/node" npm_config_nodedir="$dir"
  hash -r
}

podskazka_ensure_node
