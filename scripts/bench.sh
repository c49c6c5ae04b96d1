#!/usr/bin/env bash
# Builds the hub and the benchmarks in Release, then runs a benchmark command (default: all).
#   scripts/bench.sh                      # issue 6: everything in one run, one table (all.json under artifacts/bench/)
#   scripts/bench.sh all --growth-lines 2400000   # ... with a shorter growth part (0 skips it)
#   scripts/bench.sh all --units-large 0          # ... without reconcile's 100,000-unit data set
#   scripts/bench.sh ingest --lines 240000        # issue 2: contribution lines, hub vs sqlite3 .import
#   scripts/bench.sh reconcile            # issues 4, 11: RunReconciliation vs sqlite3 GROUP BY on 2.4M lines over 10,000
#                                         # units, then over 100,000 units (--units-large N; 0 skips it), peak RSS of each
#   scripts/bench.sh reconcile --profile  # ... then time the run's read and compute steps one by one
#   scripts/bench.sh relay                # issue 4: outbox relay vs a plain RabbitMQ.Client publisher
#   scripts/bench.sh postgres             # issue 6: ingestion and reconciliation on PostgreSQL vs \copy and psql GROUP BY
#   scripts/bench.sh growth               # issue 6: ingestion rate from 0 to 12 million lines, peak RSS throughout
#   scripts/bench.sh follow               # issue 14: correction ack -> superseding event on the broker, p50/p99
#   scripts/bench.sh receipts             # issue 15: ingestion with audit receipts on vs off; commit -> signed checkpoint p99
# all, relay, postgres and follow start PostgreSQL and RabbitMQ first (scripts/services.sh; installs them when missing).
# Results: printed, and written as JSON under artifacts/bench/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "sqlite3 not found: installing it (the baselines of the ingest and reconcile benchmarks need it)" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq sqlite3
fi

if [ "$#" -eq 0 ]; then
  set -- all
fi

case "$1" in
  all|relay|postgres|follow)
    # Prints the exports the benchmarks read: EXCHANGEHUB_TEST_POSTGRES, EXCHANGEHUB_TEST_RABBITMQ.
    eval "$(bash scripts/services.sh)"
    ;;
esac

dotnet build -c Release src/ExchangeHub.Server -nologo -v quiet
dotnet build -c Release bench/ExchangeHub.Benchmarks -nologo -v quiet

exec dotnet run -c Release --no-build --project bench/ExchangeHub.Benchmarks -- "$@"
