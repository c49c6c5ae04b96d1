#!/usr/bin/env bash
# Installs (if missing) and starts what the tests need: PostgreSQL 15 and RabbitMQ, both on loopback.
# Idempotent: safe to run when they already run. Prints the environment the tests read.
set -euo pipefail

log() { printf '[services] %s\n' "$*" >&2; }
need_apt=()
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
command -v pg_ctlcluster >/dev/null || need_apt+=(postgresql)
command -v rabbitmq-server >/dev/null || [ -x /usr/sbin/rabbitmq-server ] || need_apt+=(rabbitmq-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need_apt[@]}" >&2
fi

# PostgreSQL: the distribution's cluster, a password login for the tests.
pg_version=$(ls /etc/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  log "starting PostgreSQL $pg_version"
  pg_ctlcluster "$pg_version" main start >&2
fi
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='exchangehub'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE exchangehub LOGIN CREATEDB PASSWORD 'exchangehub'\"" >&2
# Tests drop their databases WITH (FORCE), which must end an autovacuum worker that may have connected to them.
su postgres -c "psql -qc 'GRANT pg_signal_backend TO exchangehub'" >&2

# RabbitMQ: a single local node.
if ! rabbitmqctl -q status >/dev/null 2>&1; then
  log "starting RabbitMQ"
  rabbitmq-server -detached >&2 || true
fi
# await_startup fails at once while the node is not yet reachable: wait for it first (about 10 s).
for _ in $(seq 1 60); do rabbitmqctl -q ping >/dev/null 2>&1 && break; sleep 1; done
rabbitmqctl -q await_startup >&2

echo "export EXCHANGEHUB_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=exchangehub;Password=exchangehub;Database=postgres'"
echo "export EXCHANGEHUB_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:5672/'"
