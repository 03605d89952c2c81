#!/usr/bin/env bash
# Runs every test of ImagingBot on a fresh machine: installs and starts what the tests need, then runs them.
set -euo pipefail
cd "$(dirname "$0")/.."

# The card tests run Microsoft's own npm packages through ../shared/tools/teams-check (Node >= 20.19).
if ! command -v node >/dev/null; then
  apt-get install -y --no-install-recommends nodejs npm >&2
fi

dotnet test ImagingBot.sln --nologo

# Browser end to end: the bot in the Agents Playground in Chromium (installs what it needs).
./scripts/e2e.sh
