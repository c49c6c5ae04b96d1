#!/usr/bin/env bash
# The contract's own checks: `buf lint` (STANDARD + COMMENTS, buf.yaml) and `buf breaking` against the contract as
# frozen at the end of issue 13 (the commit in protos/BREAKING_BASELINE): after that commit exchangehub.v1 only grows
# compatibly. buf comes from tests/interop's node_modules (npm ci there installs @bufbuild/buf).
# Prints one line per check, "ok - buf lint" / "not ok - buf breaking", and exits non-zero when one fails.
set -uo pipefail
cd "$(dirname "$0")/.."
buf=tests/interop/node_modules/.bin/buf
if [ ! -x "$buf" ]; then
  (cd tests/interop && npm ci --silent --no-audit --no-fund >&2) || { echo "not ok - buf lint (npm ci failed)"; echo "not ok - buf breaking (npm ci failed)"; exit 1; }
fi
failed=0
if out=$("$buf" lint 2>&1) && [ -z "$out" ]; then echo "ok - buf lint"; else printf '%s\n' "$out" >&2; echo "not ok - buf lint"; failed=1; fi
baseline=$(tr -d '[:space:]' < protos/BREAKING_BASELINE)
if ! git cat-file -e "$baseline^{commit}" 2>/dev/null; then
  echo "baseline commit $baseline is not in this clone (a shallow clone?)" >&2; echo "not ok - buf breaking"; exit 1
fi
if out=$("$buf" breaking --against ".git#ref=$baseline" 2>&1) && [ -z "$out" ]; then echo "ok - buf breaking"; else printf '%s\n' "$out" >&2; echo "not ok - buf breaking"; failed=1; fi
exit $failed
