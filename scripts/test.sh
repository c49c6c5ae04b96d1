#!/usr/bin/env bash
# Runs every test of ExchangeHub against real services: installs and starts PostgreSQL and RabbitMQ if needed
# (scripts/services.sh), builds the solution, runs all test projects, and ends with one line
#   tests: N passed, N failed
# computed from the test runner's result files. Exit code 0 only when every test passed.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! env_lines=$(bash scripts/services.sh); then
  echo "scripts/services.sh failed: PostgreSQL or RabbitMQ could not be started" >&2
  echo "tests: 0 passed, 1 failed"
  exit 1
fi
eval "$env_lines"

results=artifacts/test-results
rm -rf "$results"
dotnet test ExchangeHub.sln --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A build failure or a crashed test host leaves fewer result files than projects: count it as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=$((failed + 1))
  echo "dotnet test exited $status without a failed test in the results (build error or crashed test host)" >&2
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
