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
mkdir -p artifacts
dotnet test ExchangeHub.sln --blame-hang-timeout 5m --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" \
  2>&1 | tee artifacts/test-output.log
status=${PIPESTATUS[0]}

# The same hub through a second gRPC implementation (Node's @grpc/grpc-js), from the .proto files alone.
interop_passed=0; interop_failed=0
if [ "$status" -eq 0 ] || [ -f src/ExchangeHub.Server/bin/Debug/net10.0/ExchangeHub.Server.dll ]; then
  if (cd tests/interop && npm ci --silent --no-audit --no-fund >&2); then
    interop_out=$(cd tests/interop && node --test 2>&1); interop_status=$?
    printf '%s\n' "$interop_out" | grep -E '^(not )?ok |^# (pass|fail)' >&2
    interop_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' <<<"$interop_out" | tail -n 1)
    interop_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' <<<"$interop_out" | tail -n 1)
    interop_passed=${interop_passed:-0}; interop_failed=${interop_failed:-0}
    if [ "$interop_status" -ne 0 ] && [ "$interop_failed" -eq 0 ]; then interop_failed=1; fi
  else
    echo "npm ci in tests/interop failed" >&2
    interop_failed=1
  fi
fi

# The contract itself: buf lint and buf breaking against the frozen baseline (scripts/contract-check.sh), one test each.
contract_out=$(bash scripts/contract-check.sh); printf '%s\n' "$contract_out" >&2
contract_passed=$(grep -c '^ok ' <<<"$contract_out"); contract_failed=$(grep -c '^not ok ' <<<"$contract_out")

passed=$((interop_passed + contract_passed)); failed=$((interop_failed + contract_failed)); files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# Name every failed test (and the first lines of its message) just above the summary, where a CI record's tail shows it.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/FAILED: \1/p' >&2
  awk '/outcome="Failed"/{f=1} f&&/<Message>/{m=1} m{print; n++} m&&(/<\/Message>/||n>=6){m=0;f=0;n=0}' "$trx" \
    | sed 's/^ *//' | cut -c1-300 >&2
done
# A build failure or a crashed test host leaves fewer result files than projects: count it as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=$((failed + 1))
  # A hang or crash names the test that was running (the blame collector); a build error its first lines.
  grep -A1 -E "The test running when the crash occurred|inactivity time of .* has elapsed" artifacts/test-output.log >&2
  grep -m 5 -E ": error [A-Z]+[0-9]+" artifacts/test-output.log >&2
  echo "dotnet test exited $status without a failed test in the results (build error or crashed test host)" >&2
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
