# shellcheck shell=bash
# Sourced by scripts/test.sh: a throwaway PostgreSQL server for the pg.*
# tests and conformance.postgresql.
#
#   pg_start  initialise a cluster in a new temporary directory owned by the
#             postgres user, start it on 127.0.0.1:$ARC_PG_PORT (default
#             54329) with its socket in that directory, create the database
#             arcollect_test and a role with a password (for the wrong
#             credentials test), and export
#               ARC_TEST_PG_URI=postgresql://postgres@127.0.0.1:PORT/arcollect_test
#               ARC_TEST_PG_PASSWORD_URI=postgresql://arcollect_pw:...@.../arcollect_test
#             When no server can be started (PostgreSQL is not installed, or
#             this is not root), it says why on stderr, in a line starting
#             "test.sh: PostgreSQL tests SKIPPED:", leaves ARC_TEST_PG_URI
#             unset and returns 1.
#   pg_stop   stop the server and remove the directory; safe to call twice.
#
# pg_start sets an EXIT trap that calls pg_stop, so the server goes away
# however the script ends.

ARC_PG_PORT=${ARC_PG_PORT:-54329}
ARC_PG_DIR=

pg_skip()
{
    echo "test.sh: PostgreSQL tests SKIPPED: $*" >&2
    unset ARC_TEST_PG_URI ARC_TEST_PG_PASSWORD_URI
    return 1
}

# The directory of initdb and pg_ctl: pg_config's, else the newest installed.
pg_bindir()
{
    local dir

    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

pg_as_postgres()
{
    runuser -u postgres -- "$@"
}

pg_start()
{
    local bindir log

    if ! bindir=$(pg_bindir); then
        pg_skip "no PostgreSQL server found (install Debian's postgresql package)"
        return 1
    fi
    if [ "$(id -u)" -ne 0 ]; then
        pg_skip "not root: the throwaway server runs as the postgres user, which needs root"
        return 1
    fi
    if ! id postgres >/dev/null 2>&1; then
        pg_skip "there is no postgres user (install Debian's postgresql package)"
        return 1
    fi

    ARC_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/arc-pg-XXXXXX")
    trap pg_stop EXIT
    chown postgres: "$ARC_PG_DIR"
    chmod 700 "$ARC_PG_DIR"
    log="$ARC_PG_DIR/server.log"

    echo "== PostgreSQL: starting a throwaway server on 127.0.0.1:$ARC_PG_PORT"
    if ! pg_as_postgres "$bindir/initdb" -D "$ARC_PG_DIR/data" -A trust -U postgres \
        -E UTF8 --locale=C.UTF-8 >"$ARC_PG_DIR/initdb.log" 2>&1; then
        cat "$ARC_PG_DIR/initdb.log" >&2
        pg_stop
        pg_skip "initdb failed (see above)"
        return 1
    fi

    # Every local connection is trusted but the password role's, which must
    # give its password: the wrong credentials test needs a server that asks.
    {
        echo "host all arcollect_pw 127.0.0.1/32 scram-sha-256"
        echo "host all all 127.0.0.1/32 trust"
        echo "local all all trust"
    } >"$ARC_PG_DIR/data/pg_hba.conf"

    if ! pg_as_postgres "$bindir/pg_ctl" -D "$ARC_PG_DIR/data" -l "$log" -w -t 60 \
        -o "-k $ARC_PG_DIR -h 127.0.0.1 -p $ARC_PG_PORT -c fsync=off -c max_connections=50" \
        start >/dev/null; then
        cat "$log" >&2
        pg_stop
        pg_skip "the server did not start (see its log above)"
        return 1
    fi

    if ! pg_as_postgres "$bindir/psql" -X -q -h "$ARC_PG_DIR" -p "$ARC_PG_PORT" \
        -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE arcollect_test" \
        -c "CREATE ROLE arcollect_pw LOGIN PASSWORD 'arc-secret'" \
        -c "GRANT ALL ON DATABASE arcollect_test TO arcollect_pw" >/dev/null; then
        pg_stop
        pg_skip "could not create the test database"
        return 1
    fi

    export ARC_TEST_PG_URI="postgresql://postgres@127.0.0.1:$ARC_PG_PORT/arcollect_test"
    export ARC_TEST_PG_PASSWORD_URI="postgresql://arcollect_pw:arc-secret@127.0.0.1:$ARC_PG_PORT/arcollect_test"
    return 0
}

pg_stop()
{
    local bindir

    if [ -z "$ARC_PG_DIR" ] || [ ! -d "$ARC_PG_DIR" ]; then
        return 0
    fi
    if [ -f "$ARC_PG_DIR/data/postmaster.pid" ] && bindir=$(pg_bindir); then
        pg_as_postgres "$bindir/pg_ctl" -D "$ARC_PG_DIR/data" -m fast -w stop \
            >/dev/null 2>&1 || true
    fi
    rm -rf "$ARC_PG_DIR"
    ARC_PG_DIR=
}
