#!/usr/bin/env bash
# Runs every test of ImagingBot on a fresh machine: installs and starts what the tests need, then runs them.
set -euo pipefail
cd "$(dirname "$0")/.."

# A real redis-server for the state store tests (installed when missing, stopped on exit).
source scripts/redis-for-tests.sh
imagingbot_start_test_redis

dotnet test ImagingBot.sln --nologo
