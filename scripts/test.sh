#!/usr/bin/env bash
# Runs every test of ImagingBot on a fresh machine: installs and starts what the tests need, then runs them.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet test ImagingBot.sln --nologo

# Browser end to end: the bot in the Agents Playground in Chromium (installs what it needs).
./scripts/e2e.sh
