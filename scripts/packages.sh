# What the verbs need from Debian's packages, installed when missing. Sourced by ./collections.
# As root the missing packages are installed with apt-get; otherwise the one command to run is printed.
# shellcheck shell=bash

# Names the Debian packages a verb needs that this machine lacks.
missing_packages() {
  local want=("$@") missing=() p
  for p in "${want[@]}"; do
    case "$p" in
      postgresql)
        [[ -n "${COLLECTIONS_PG_BINDIR:-}" ]] || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null ||
          command -v initdb >/dev/null || missing+=(postgresql) ;;
      rabbitmq-server) [[ -x "$MQ_BINDIR/rabbitmq-server" ]] || missing+=(rabbitmq-server) ;;
      npm) command -v npm >/dev/null || missing+=(nodejs npm) ;;
      chromium) [[ -x /usr/bin/chromium ]] || missing+=(chromium) ;;
      chromium-driver) [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver) ;;
    esac
  done
  echo "${missing[@]}"
}

# ensure_packages postgresql rabbitmq-server npm ...
ensure_packages() {
  local missing
  missing="$(missing_packages "$@")"
  [[ -z "$missing" ]] && return 0
  if ! is_root; then
    die "missing Debian packages: $missing
  Install them:      sudo apt-get install -y $missing
  or use containers: docker compose up   (see compose.yaml)"
  fi
  echo "Installing the missing Debian packages: $missing"
  # shellcheck disable=SC2086 # a list of package names
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null ||
    die "apt-get could not install: $missing"
}
