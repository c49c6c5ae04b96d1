#!/usr/bin/env bash
# Builds the hub and the benchmarks in Release, then runs a benchmark command (default: ingest).
#   scripts/bench.sh                      # issue 2: 2.4M contribution lines, hub vs sqlite3 .import
#   scripts/bench.sh ingest --lines 240000
# Results: printed, and written as JSON under artifacts/bench/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "sqlite3 not found: installing it (the baseline of the ingest benchmark needs it)" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq sqlite3
fi

dotnet build -c Release src/ExchangeHub.Server -nologo -v quiet
dotnet build -c Release bench/ExchangeHub.Benchmarks -nologo -v quiet

if [ "$#" -eq 0 ]; then
  set -- ingest
fi

exec dotnet run -c Release --no-build --project bench/ExchangeHub.Benchmarks -- "$@"
