#!/usr/bin/env bash
# What the test commands need on this machine, for scripts/test.sh (`npm test`) and
# scripts/test-later.sh (`npm run test:later`) to source: Debian's PostgreSQL server, Chromium and
# faketime, installed if missing, and the PostgreSQL cluster started with the test roles, with
# TEST_DATABASE_URL exported for the suites. Idempotent; works as root with no stdin (CI=true) and as
# a normal user with sudo. Sourcing it does nothing but define: call `ensure_system_packages` and
# `ensure_postgres`.

section() {
  printf '\n\033[1m==== %s ====\033[0m\n' "$*"
}

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
else
  SUDO=(sudo -n)
fi

# Runs a command as the postgres OS user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    sudo -n -u postgres -- "$@"
  fi
}

pg_major() {
  # The highest installed server version, e.g. 15.
  ls /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -n | tail -1
}

have_postgres_server() {
  local major
  major="$(pg_major)"
  [ -n "$major" ] && [ -x "/usr/lib/postgresql/$major/bin/postgres" ] && command -v pg_ctlcluster >/dev/null 2>&1
}

ensure_system_packages() {
  section "System packages (PostgreSQL server, Chromium, faketime)"
  if have_postgres_server && [ -x /usr/bin/chromium ] && command -v faketime >/dev/null 2>&1; then
    echo "PostgreSQL $(pg_major), Chromium and faketime are installed."
  else
    echo "Installing postgresql, postgresql-contrib, chromium and faketime…"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
      postgresql postgresql-contrib chromium faketime
  fi
}

# Starts the cluster (on the machine's real clock: never call this under faketime) and exports
# TEST_DATABASE_URL, unless it is set already.
ensure_postgres() {
  if [ -z "${TEST_DATABASE_URL:-}" ]; then
    section "PostgreSQL server"
    PG_MAJOR="$(pg_major)"
    if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_MAJOR" '$1 == v && $2 == "main"' | grep -q .; then
      echo "Creating cluster $PG_MAJOR/main…"
      "${SUDO[@]}" pg_createcluster "$PG_MAJOR" main
    fi
    if pg_lsclusters -h | awk -v v="$PG_MAJOR" '$1 == v && $2 == "main" { print $4 }' | grep -q online; then
      echo "Cluster $PG_MAJOR/main is already running."
    else
      echo "Starting cluster $PG_MAJOR/main…"
      "${SUDO[@]}" pg_ctlcluster "$PG_MAJOR" main start
    fi
    # Wait until it accepts connections (a fresh start can take a moment).
    for _ in $(seq 1 30); do
      if pg_isready -q -h 127.0.0.1 -p 5432; then break; fi
      sleep 1
    done
    pg_isready -h 127.0.0.1 -p 5432

    echo "Ensuring the vigil_test and vigil_app_test roles exist…"
    as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vigil_test') THEN
    CREATE ROLE vigil_test LOGIN CREATEDB PASSWORD 'vigil_test';
  ELSE
    ALTER ROLE vigil_test LOGIN CREATEDB PASSWORD 'vigil_test';
  END IF;
  -- The application role of production, with no right to change the access log (audit tests).
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vigil_app_test') THEN
    CREATE ROLE vigil_app_test LOGIN PASSWORD 'vigil_app_test';
  ELSE
    ALTER ROLE vigil_app_test LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD 'vigil_app_test';
  END IF;
END
$$;
SQL
    export TEST_DATABASE_URL="postgres://vigil_test:vigil_test@127.0.0.1:5432/postgres"
  else
    section "PostgreSQL server"
    echo "Using the pre-set TEST_DATABASE_URL."
  fi
  export TEST_DATABASE_URL
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
}
