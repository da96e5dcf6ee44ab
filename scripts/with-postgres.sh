#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server on loopback (Debian's postgresql package),
# with PG_TEST_URL pointing at it. The server runs as the `postgres` user, since it refuses root.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/shouwen-pg.XXXXXX)
port=${PG_TEST_PORT:-54329}
run=()
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; run=(runuser -u postgres --); fi
"${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -l "$dir/log" -w start >/dev/null
trap '"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; rm -rf "$dir"' EXIT
"${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres shouwen_test
PG_TEST_URL="postgres://postgres@127.0.0.1:$port/shouwen_test" "$@"
