#!/usr/bin/env bash
# Seconds from `git clone` to a serving /api/health, as a newcomer would do it:
#   clone → pnpm install --frozen-lockfile → pnpm start (builds the web app, starts the server).
# Usage: bash scripts/measure-start.sh [port]   (run from anywhere inside the repo; measures its committed HEAD)
set -euo pipefail

repo="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
port="${1:-3200}"
work="$(mktemp -d "${TMPDIR:-/tmp}/lattice-start-XXXXXX")"
server_pid=""

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    # pnpm start runs the server in its own process group (setsid): end that group only.
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

start=$(date +%s.%N)
echo "cloning $repo into $work/lattice"
git clone --quiet "$repo" "$work/lattice"
cd "$work/lattice"

echo "pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile >"$work/install.log" 2>&1 || { tail -40 "$work/install.log"; exit 1; }
installed=$(date +%s.%N)

echo "pnpm start on port $port"
PORT="$port" DATA_DIR="$work/data" setsid pnpm start >"$work/server.log" 2>&1 &
server_pid=$!

deadline=$(( $(date +%s) + 300 ))
until curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "the server exited before serving:"; tail -40 "$work/server.log"; exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "not serving after 300 s:"; tail -40 "$work/server.log"; exit 1
  fi
  sleep 0.2
done
serving=$(date +%s.%N)

awk -v s="$start" -v i="$installed" -v r="$serving" 'BEGIN {
  printf "clone + install: %.1f s\ninstall → serving (web build + server start): %.1f s\nclone → serving: %.1f s\n", i - s, r - i, r - s
}'
