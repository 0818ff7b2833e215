#!/usr/bin/env bash
# `npm run setup`: everything `npm test` and `npm start` need on a fresh Debian machine. System
# packages come from Debian (redis-server for the queue and its tests, chromium for the review
# UI's browser tests: nothing downloads a browser), then the npm dependencies from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]} with apt-get"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
