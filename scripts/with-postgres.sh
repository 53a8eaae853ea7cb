#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL 15 cluster (Debian's `postgresql` package) on
# 127.0.0.1:${PGPORT:-55432}, user postgres, no password, and stops and removes it afterwards.
# The command sees BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, so TestDatabases runs
# the POSTGRES_15 cases against it. Usage: scripts/with-postgres.sh npm test
# On a shared machine pick a free port instead: PGPORT=43601 scripts/with-postgres.sh ...
set -euo pipefail
PORT="${PGPORT:-55432}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN" ]; then
  echo "with-postgres: install Debian's postgresql package first (apt-get install -y postgresql)" >&2
  exit 1
fi
DIR="$(mktemp -d /tmp/paved-road-pg.XXXXXX)"
chmod 755 "$DIR"
as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
stop() {
  as_postgres "$BIN/pg_ctl -D $DIR/data -m fast stop" > /dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
as_postgres "$BIN/initdb -D $DIR/data -A trust -U postgres" > /dev/null
as_postgres "$BIN/pg_ctl -D $DIR/data -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1' -l $DIR/log -w start" > /dev/null
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on port $PORT"
"$@"
