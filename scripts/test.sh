#!/usr/bin/env bash
# Runs every test of ImagingBot on a fresh machine: installs and starts what the tests need, then runs them.
set -euo pipefail
cd "$(dirname "$0")/.."

# The card tests run Microsoft's own npm packages through ../shared/tools/teams-check (Node >= 20.19).
if ! command -v node >/dev/null; then
  apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi

# A real redis-server for the state store tests (installed when missing, stopped on exit).
source scripts/redis-for-tests.sh
imagingbot_start_test_redis

dotnet test ImagingBot.sln --nologo

# Browser end to end: the bot in the Agents Playground in Chromium (installs what it needs).
./scripts/e2e.sh
