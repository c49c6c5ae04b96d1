#!/usr/bin/env bash
# Makes a development PKI in deploy/certs/ (git-ignored): an agency CA, the hub's server certificate for localhost
# and "hub", and one client certificate per development agency, plus agencies.env mapping each agency to its
# certificate's SHA-256 thumbprint for docker-compose.yml. Never use these outside development.
set -euo pipefail
cd "$(dirname "$0")/.."
out=deploy/certs
mkdir -p "$out"
cd "$out"

openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=ExchangeHub development agency CA" \
  -keyout agency-ca.key -out agency-ca.pem -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

issue() { # name, extensions
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" -keyout "$1.key" -out "$1.csr" 2>/dev/null
  openssl x509 -req -in "$1.csr" -CA agency-ca.pem -CAkey agency-ca.key -CAcreateserial -days 365 -out "$1.pem" -extfile <(printf '%s\n' "$2") 2>/dev/null
  rm -f "$1.csr"
}
issue hub "subjectAltName=DNS:localhost,DNS:hub,IP:127.0.0.1
extendedKeyUsage=serverAuth"

: > agencies.env
i=0
for agency in dev-tax:TAX_BUREAU dev-market:MARKET_REGULATION dev-transfer:TRANSFER_SYSTEM dev-operator:HRSS_OPERATOR dev-skill:SKILL_CERTIFICATION; do
  id=${agency%%:*}; role=${agency##*:}
  issue "$id" "extendedKeyUsage=clientAuth"
  thumb=$(openssl x509 -in "$id.pem" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d :)
  printf 'Hub__Security__Agencies__%d__Id=%s\nHub__Security__Agencies__%d__Roles__0=%s\nHub__Security__Agencies__%d__CertificateSha256=%s\n' \
    "$i" "$id" "$i" "$role" "$i" "$thumb" >> agencies.env
  i=$((i + 1))
done
echo "development certificates in $(pwd); agencies.env maps each agency to its certificate"
