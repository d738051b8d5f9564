#!/usr/bin/env bash
# Makes a local PostgreSQL available for the collector's tests and benchmarks, when it is missing:
# installs Debian's `postgresql`, starts a cluster on 127.0.0.1:5432, creates role and database
# podskazka / podskazka_test. Safe to run twice. Prints `TEST_DATABASE_URL=…` as its last line:
#   eval "export $(bash scripts/ensure-postgres.sh | tail -n1)"
set -euo pipefail

pg_role=podskazka
pg_password=podskazka
pg_database=podskazka_test
pg_port=5432
url="postgres://${pg_role}:${pg_password}@127.0.0.1:${pg_port}/${pg_database}"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing postgresql from Debian's packages…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

if command -v pg_lsclusters >/dev/null; then
  read -r version cluster _ < <(pg_lsclusters --no-header | head -n1) || true
  if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
    cluster=main
    pg_createcluster "$version" "$cluster" --port "$pg_port" >/dev/null
  fi
  if ! pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
    pg_ctlcluster "$version" "$cluster" start
  fi
else
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  data=/var/lib/postgresql/podskazka-data
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && chown postgres "$data" 2>/dev/null || true
    as_postgres "$bin/initdb" -D "$data" >/dev/null
  fi
  as_postgres "$bin/pg_ctl" -D "$data" -o "-p $pg_port -k /tmp" -l "$data/server.log" status >/dev/null ||
    as_postgres "$bin/pg_ctl" -D "$data" -o "-p $pg_port -k /tmp" -l "$data/server.log" -w start >/dev/null
fi

for _ in $(seq 1 50); do
  as_postgres psql -p "$pg_port" -qAtc 'select 1' >/dev/null 2>&1 && break
  sleep 0.2
done

as_postgres psql -p "$pg_port" -qAt -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${pg_role}') THEN
    CREATE ROLE ${pg_role} LOGIN PASSWORD '${pg_password}' CREATEDB;
  END IF;
END \$\$;
SQL
if ! as_postgres psql -p "$pg_port" -qAtc "select 1 from pg_database where datname = '${pg_database}'" | grep -q 1; then
  as_postgres createdb -p "$pg_port" -O "$pg_role" "$pg_database"
fi

export TEST_DATABASE_URL="$url"
echo "TEST_DATABASE_URL=$url"
