#!/usr/bin/env bash
# Builds the hub and the benchmarks in Release, then runs a benchmark command (default: ingest).
#   scripts/bench.sh                      # issue 2: 2.4M contribution lines, hub vs sqlite3 .import
#   scripts/bench.sh ingest --lines 240000
#   scripts/bench.sh reconcile            # issue 4: one RunReconciliation (10,000 units, 2.4M lines) vs sqlite3 GROUP BY
#   scripts/bench.sh reconcile --profile  # ... then time the run's read and compute steps one by one
# Results: printed, and written as JSON under artifacts/bench/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "sqlite3 not found: installing it (the baselines of the ingest and reconcile benchmarks need it)" >&2
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
