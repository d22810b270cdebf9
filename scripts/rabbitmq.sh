# Private RabbitMQ node for one checkout (Debian's rabbitmq-server). Sourced by ./collections,
# which sets REPO and LOCAL. AMQP and Erlang distribution listen on 127.0.0.1 only; the node's data,
# logs and Erlang cookie live in .local/rabbitmq, so it never touches a system-wide RabbitMQ.
# shellcheck shell=bash

MQ_PORT="${COLLECTIONS_MQ_PORT:-56720}"
MQ_DIST_PORT="${COLLECTIONS_MQ_DIST_PORT:-$((${COLLECTIONS_MQ_PORT:-56720} + 1))}"
MQ_EPMD_PORT="${COLLECTIONS_MQ_EPMD_PORT:-$((${COLLECTIONS_MQ_PORT:-56720} + 2))}"
MQ_BINDIR="${COLLECTIONS_MQ_BINDIR:-/usr/lib/rabbitmq/bin}"

[[ "$MQ_PORT" =~ ^[0-9]+$ ]] || die "COLLECTIONS_MQ_PORT must be a number, got '$MQ_PORT'"

mq_uri() { echo "amqp://guest:guest@127.0.0.1:$MQ_PORT/"; }

mq_env() {
  MQ_HOME="$LOCAL/rabbitmq"
  [[ -x "$MQ_BINDIR/rabbitmq-server" ]] || die "RabbitMQ not found in $MQ_BINDIR.
  Install it:        apt-get install rabbitmq-server   (Debian/Ubuntu)
  or point at it:    COLLECTIONS_MQ_BINDIR=/path/to/rabbitmq/bin
  or use containers: docker compose up                 (see compose.yaml)"
  mkdir -p "$MQ_HOME/mnesia" "$MQ_HOME/log"
  # The Erlang cookie is read from $HOME; a private one keeps rabbitmqctl talking to this node only.
  if [[ ! -s "$MQ_HOME/.erlang.cookie" ]]; then
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$MQ_HOME/.erlang.cookie"
  fi
  chmod 400 "$MQ_HOME/.erlang.cookie"
  # No plugins (no management UI): the system's /etc/rabbitmq/enabled_plugins is not read.
  echo '[].' >"$MQ_HOME/enabled_plugins"
  export HOME="$MQ_HOME"
  export RABBITMQ_NODENAME="collections-$MQ_PORT@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$MQ_PORT"
  export RABBITMQ_DIST_PORT="$MQ_DIST_PORT"
  export ERL_EPMD_PORT="$MQ_EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  # Erlang distribution (the node and rabbitmqctl's own) on loopback too, not every interface.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_MNESIA_BASE="$MQ_HOME/mnesia"
  export RABBITMQ_LOG_BASE="$MQ_HOME/log"
  export RABBITMQ_PID_FILE="$MQ_HOME/rabbitmq.pid"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$MQ_HOME/enabled_plugins"
  export RABBITMQ_CONFIG_FILE="$MQ_HOME/rabbitmq" # absent: defaults
  export RABBITMQ_ADVANCED_CONFIG_FILE="$MQ_HOME/advanced.config"
}

# Runs in a subshell so the node's HOME and variables do not leak into the caller (dotnet, tests).
mq_ctl() { (mq_env && "$MQ_BINDIR/rabbitmqctl" -q "$@"); }

# The Erlang node is up (its RabbitMQ application may be stopped: see mq_listening).
mq_running() { mq_ctl ping >/dev/null 2>&1; }

mq_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$MQ_PORT") 2>/dev/null; }

# Idempotent: a running node is reused; a stopped node (or a stopped app inside it) is started.
mq_up() {
  mkdir -p "$LOCAL"
  exec 8>"$LOCAL/rabbitmq.lock"
  flock -w 120 8 || die "timed out waiting for $LOCAL/rabbitmq.lock"
  if ! mq_running; then
    (
      mq_env
      # 8>&- so the node does not inherit (and keep) the lock.
      nohup "$MQ_BINDIR/rabbitmq-server" >"$MQ_HOME/log/startup.log" 2>&1 8>&- &
    )
  fi
  mq_ctl start_app >/dev/null 2>&1 || true
  mq_ctl await_startup --timeout 90 >/dev/null 2>&1 || true
  local i
  for i in $(seq 120); do
    mq_listening && break
    [[ $i -eq 120 ]] && { tail -n 20 "$LOCAL/rabbitmq/log/startup.log" >&2; die "RabbitMQ is not listening on 127.0.0.1:$MQ_PORT (log: .local/rabbitmq/log); is the port taken? set COLLECTIONS_MQ_PORT"; }
    sleep 0.5
  done
  exec 8>&-
}

mq_down() {
  if mq_running; then
    mq_ctl stop >/dev/null
    # The node's own epmd (on the private port) would otherwise keep listening.
    (mq_env && command -v epmd >/dev/null && epmd -port "$MQ_EPMD_PORT" -kill >/dev/null 2>&1) || true
    echo "RabbitMQ stopped"
  else
    echo "RabbitMQ is not running"
  fi
}

mq_status() {
  if mq_listening; then
    echo "running: $(mq_uri) (node $(mq_env; echo "$RABBITMQ_NODENAME"), data .local/rabbitmq)"
  else
    echo "not running (data .local/rabbitmq)"
    return 3
  fi
}
