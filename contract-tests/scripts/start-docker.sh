#!/usr/bin/env bash
# Starts a Docker daemon that the contract tests can use, restricted to loopback-only networking.
#
#   contract-tests/scripts/start-docker.sh
#
# - Installs Debian's docker.io package when dockerd (or the docker client) is missing.
# - Does nothing when a daemon already answers `docker info` (it is then not ours to stop).
# - Otherwise starts `dockerd --bridge=none --iptables=false --ip-masq=false` in the background:
#   no docker0 bridge, no NAT and no firewall rules, so containers can only use host networking
#   (the tests run Prism with --network host, listening on 127.0.0.1). No traffic can go to the
#   default bridge range.
# - Writes the daemon's pid to $STATE_DIR/dockerd.pid so that stop-docker.sh stops exactly the
#   daemon started here, and its log to $STATE_DIR/dockerd.log.
# - Waits until `docker info` answers; fails with the end of the daemon log after a timeout.
# Safe to run twice.
#
# Environment:
#   HFC_DOCKER_STATE_DIR      where the pid and log files go (default: /tmp/happyfox-contacts-docker)
#   HFC_DOCKER_START_TIMEOUT  seconds to wait for the daemon (default: 60)
set -euo pipefail

STATE_DIR="${HFC_DOCKER_STATE_DIR:-/tmp/happyfox-contacts-docker}"
PID_FILE="$STATE_DIR/dockerd.pid"
LOG_FILE="$STATE_DIR/dockerd.log"
TIMEOUT="${HFC_DOCKER_START_TIMEOUT:-60}"

log() { echo "start-docker: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "must run as root (or with sudo available)"
  SUDO="sudo"
fi

# True while the process runs (a zombie left by a daemon that died does not count).
alive() {
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
  [ -n "$state" ] && [ "$state" != "Z" ]
}

docker_answers() {
  command -v docker >/dev/null 2>&1 || return 1
  timeout 10 $SUDO docker info >/dev/null 2>&1
}

install_docker() {
  log "dockerd or the docker client is missing: installing Debian's docker.io"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install Docker by hand"
  # Keep the package's init script from starting a daemon with the default bridge network:
  # services started during installation are refused unless a policy already exists.
  local added_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d
    added_policy="yes"
  fi
  local rc=0
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update || rc=$?
  if [ "$rc" -eq 0 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io || rc=$?
  fi
  if [ -n "$added_policy" ]; then
    $SUDO rm -f /usr/sbin/policy-rc.d
  fi
  [ "$rc" -eq 0 ] || die "installing docker.io failed (exit $rc)"
}

warn_if_bridge() {
  if [ -n "$(timeout 10 $SUDO docker network ls -q --filter driver=bridge 2>/dev/null)" ]; then
    log "WARNING: this daemon has a bridge network; run containers with --network host only"
  fi
}

if docker_answers; then
  if [ -f "$PID_FILE" ]; then
    log "the daemon started earlier by this script answers (pid $(cat "$PID_FILE"))"
  else
    log "a Docker daemon not started by this script already answers; using it as it is"
    warn_if_bridge
  fi
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  install_docker
fi
command -v dockerd >/dev/null 2>&1 || die "dockerd still missing after installation"

$SUDO mkdir -p "$STATE_DIR"

# A pid file from an earlier run whose daemon no longer answers: stop that daemon if it is still
# alive (it is ours), then start afresh.
if [ -f "$PID_FILE" ]; then
  old_pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if [ -n "$old_pid" ] && [ "$(cat "/proc/$old_pid/comm" 2>/dev/null || true)" = "dockerd" ]; then
    log "daemon $old_pid started earlier does not answer: stopping it first"
    "$(dirname "$0")/stop-docker.sh" || true
  fi
  $SUDO rm -f "$PID_FILE"
fi

log "starting dockerd (loopback only: --bridge=none --iptables=false --ip-masq=false), log: $LOG_FILE"
{
  echo "---- $(date -u '+%Y-%m-%dT%H:%M:%SZ') start-docker.sh"
} | $SUDO tee -a "$LOG_FILE" >/dev/null
# nohup: the daemon outlives this script; its pid is the one written below.
$SUDO nohup dockerd \
  --bridge=none \
  --iptables=false \
  --ip-masq=false \
  --ip6tables=false \
  >>"$LOG_FILE" 2>&1 </dev/null &
launched=$!
if [ -n "$SUDO" ]; then
  # With sudo, $! is sudo's pid: find the dockerd it runs.
  sleep 1
  launched="$(pgrep -n -P "$launched" -x dockerd || echo "$launched")"
fi
echo "$launched" | $SUDO tee "$PID_FILE" >/dev/null

deadline=$(( $(date +%s) + TIMEOUT ))
until docker_answers; do
  if ! alive "$launched"; then
    $SUDO rm -f "$PID_FILE"
    log "dockerd exited during startup; end of $LOG_FILE:"
    tail -n 40 "$LOG_FILE" >&2 || true
    die "dockerd did not start"
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "dockerd did not answer within ${TIMEOUT}s; end of $LOG_FILE:"
    tail -n 40 "$LOG_FILE" >&2 || true
    "$(dirname "$0")/stop-docker.sh" || true
    die "timed out waiting for dockerd"
  fi
  sleep 1
done

log "dockerd is up (pid $launched): $(timeout 10 $SUDO docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null || echo 'version unknown')"
warn_if_bridge
