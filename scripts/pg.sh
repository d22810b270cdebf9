# Private PostgreSQL cluster for one checkout. Sourced by ./collections,
# which sets REPO. Everything listens on 127.0.0.1 only, with trust auth.
# shellcheck shell=bash

PG_PORT="${COLLECTIONS_PG_PORT:-55432}"
PATH="$PATH:/usr/sbin:/sbin" # runuser and useradd, when root's PATH lacks sbin
LOCAL="$REPO/.local"

die() { echo "collections: $*" >&2; exit 1; }

[[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "COLLECTIONS_PG_PORT must be a number, got '$PG_PORT'"

is_root() { [[ $EUID -eq 0 ]]; }

# initdb and postgres refuse to run as root, so root hands them to 'postgres'.
as_pg() {
  if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Decide where the cluster lives: .local/pg, unless (as root) the postgres
# user cannot reach .local because a parent directory is not traversable.
pg_layout() {
  PGDATA="$LOCAL/pg" SOCKDIR="$LOCAL/pg-run" LOG="$LOCAL/pg.log"
  mkdir -p "$LOCAL"
  is_root || return 0
  id -u postgres >/dev/null 2>&1 ||
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin postgres
  chmod a+x "$LOCAL"
  runuser -u postgres -- true || die "cannot run commands as user postgres (runuser)"
  if ! runuser -u postgres -- test -x "$LOCAL"; then
    # Not chmod-ing parents we do not own; a per-checkout folder instead.
    local fb
    fb="/var/tmp/collections-pg-$(printf %s "$REPO" | sha1sum | cut -c1-12)"
    PGDATA="$fb/pg" SOCKDIR="$fb/run" LOG="$fb/pg.log"
  fi
}

# Server binaries: explicit override, then the version an existing cluster
# was made with, then pg_config, then the newest Debian install, then PATH.
pg_find_bindir() {
  local d="" c
  if [[ -n "${COLLECTIONS_PG_BINDIR:-}" ]]; then
    d="$COLLECTIONS_PG_BINDIR"
  else
    local candidates=()
    [[ -f "$PGDATA/PG_VERSION" ]] && candidates+=("/usr/lib/postgresql/$(cat "$PGDATA/PG_VERSION")/bin")
    command -v pg_config >/dev/null && candidates+=("$(pg_config --bindir 2>/dev/null || true)")
    while read -r c; do candidates+=("$c"); done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV)
    command -v initdb >/dev/null && candidates+=("$(dirname "$(command -v initdb)")")
    for c in "${candidates[@]}"; do
      if [[ -x "$c/initdb" && -x "$c/pg_ctl" ]]; then d="$c"; break; fi
    done
  fi
  if [[ -z "$d" || ! -x "$d/initdb" || ! -x "$d/pg_ctl" ]]; then
    die "PostgreSQL server binaries (initdb, pg_ctl) not found${d:+ in $d}.
  Install them:      apt-get install postgresql   (Debian/Ubuntu)
  or point at them:  COLLECTIONS_PG_BINDIR=/path/to/postgresql/bin
  or use containers: docker compose up            (see compose.yaml)"
  fi
  PG_BINDIR="$d"
}

pg_prepare() { pg_layout; pg_find_bindir; }

pg_running() { as_pg "$PG_BINDIR/pg_ctl" status -D "$PGDATA" >/dev/null 2>&1; }

pg_init() {
  echo "Creating PostgreSQL cluster in $PGDATA"
  rm -rf "$PGDATA" # only reached without PG_VERSION: a half-made cluster
  if [[ "$PGDATA" != "$LOCAL/pg" ]]; then
    echo "  (user postgres cannot traverse the parents of $LOCAL; log linked at $LOCAL/pg.log)"
    mkdir -p "${PGDATA%/*}" && chmod 755 "${PGDATA%/*}"
    ln -sfn "$LOG" "$LOCAL/pg.log"
  fi
  mkdir -p "$PGDATA" "$SOCKDIR"
  chmod 700 "$PGDATA"
  is_root && chown postgres:postgres "$PGDATA" "$SOCKDIR"
  local out
  out="$(as_pg "$PG_BINDIR/initdb" -D "$PGDATA" -U collections --auth=trust \
    -E UTF8 --locale=C 2>&1)" || { echo "$out" >&2; die "initdb failed"; }
  cat >>"$PGDATA/postgresql.conf" <<EOF

# ./collections: private dev/test cluster (port is passed at start)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCKDIR'
EOF
  cat >"$PGDATA/pg_hba.conf" <<EOF
# ./collections: trust, local socket and 127.0.0.1 only
local all all              trust
host  all all 127.0.0.1/32 trust
EOF
}

# Idempotent: reuse a running cluster, start a stopped one, create a missing one.
pg_up() {
  pg_prepare
  # Serialise concurrent callers (say, two test runs) around init/start.
  exec 9>"$LOCAL/pg.lock"
  flock -w 120 9 || die "timed out waiting for $LOCAL/pg.lock"
  [[ -f "$PGDATA/PG_VERSION" ]] || pg_init
  local want have
  want="$("$PG_BINDIR/postgres" -V | sed -E 's/.* ([0-9]+).*/\1/')"
  have="$(cat "$PGDATA/PG_VERSION")"
  [[ "$want" == "$have" ]] ||
    die "$PGDATA was made by PostgreSQL $have but $PG_BINDIR is $want; set COLLECTIONS_PG_BINDIR, or stop and delete $PGDATA"
  if pg_running; then
    have="$(sed -n 4p "$PGDATA/postmaster.pid")"
    [[ "$have" == "$PG_PORT" ]] ||
      die "cluster is already running on port $have, not $PG_PORT; './collections stop' first"
  else
    touch "$LOG"
    is_root && chown postgres:postgres "$LOG"
    # 9>&- so the server does not inherit (and keep) the lock.
    # Writers on one account wait on its row lock holding a connection: room for several nodes' pools.
    as_pg "$PG_BINDIR/pg_ctl" start -D "$PGDATA" -l "$LOG" -w -t 60 \
      -o "-p $PG_PORT -c max_connections=${COLLECTIONS_PG_MAX_CONNECTIONS:-300}" >/dev/null 9>&- ||
      { tail -n 15 "$LOG" >&2; die "PostgreSQL did not start (log: $LOG); is port $PG_PORT taken? set COLLECTIONS_PG_PORT"; }
  fi
  local i
  for i in $(seq 60); do
    "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U collections -d postgres && break
    [[ $i -eq 60 ]] && die "PostgreSQL on 127.0.0.1:$PG_PORT is not accepting connections (log: $LOG)"
    sleep 0.5
  done
  exec 9>&-
  # Plain 'psql -U collections' (database = user name) should just work.
  pg_ensure_db collections
}

pg_down() {
  pg_prepare
  if pg_running; then
    as_pg "$PG_BINDIR/pg_ctl" stop -D "$PGDATA" -m fast -w >/dev/null
    echo "PostgreSQL stopped"
  else
    echo "PostgreSQL is not running"
  fi
}

pg_status() {
  pg_prepare
  if pg_running; then
    echo "running: 127.0.0.1:$(sed -n 4p "$PGDATA/postmaster.pid"), data $PGDATA, log $LOG"
  else
    echo "not running (data $PGDATA)"
    return 3
  fi
}

pg_cli() { local tool="$1"; shift; "$PG_BINDIR/$tool" -h 127.0.0.1 -p "$PG_PORT" -U collections "$@"; }

pg_ensure_db() {
  [[ "$(pg_cli psql -d postgres -tAc "select 1 from pg_database where datname = '$1'")" == 1 ]] ||
    pg_cli createdb "$1"
}

pg_recreate_db() {
  PGOPTIONS="-c client_min_messages=warning" pg_cli dropdb --if-exists --force "$1"
  pg_cli createdb "$1"
}
