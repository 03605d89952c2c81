#!/usr/bin/env bash
# Browser end-to-end tests: the bot in the Microsoft 365 Agents Playground, driven in Debian's Chromium.
# Installs what is missing (Chromium from apt, the npm packages from tests/e2e/package-lock.json), builds the
# bot in Release and runs tests/e2e with Node's test runner. Screenshots and logs: tests/e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "e2e: installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error >/dev/null
dotnet build src/ImagingBot/ImagingBot.csproj -c Release --nologo -v q

# A hung browser or server must not hold CI: the runner and everything it started get SIGTERM after 15 min.
timeout --kill-after=30 900 node --test tests/e2e/*.test.mjs
