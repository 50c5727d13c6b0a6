#!/usr/bin/env bash
# Stops the Docker daemon that start-docker.sh started, and nothing else.
#
#   contract-tests/scripts/stop-docker.sh
#
# Reads the pid that start-docker.sh wrote; does nothing when there is none, when that process is
# gone, or when the pid now belongs to something other than dockerd. A daemon that was already
# running before start-docker.sh is left alone. Idempotent: safe to run twice.
#
# Environment:
#   HFC_DOCKER_STATE_DIR     as for start-docker.sh (default: /tmp/happyfox-contacts-docker)
#   HFC_DOCKER_STOP_TIMEOUT  seconds to wait for a clean shutdown before SIGKILL (default: 40)
set -euo pipefail

STATE_DIR="${HFC_DOCKER_STATE_DIR:-/tmp/happyfox-contacts-docker}"
PID_FILE="$STATE_DIR/dockerd.pid"
TIMEOUT="${HFC_DOCKER_STOP_TIMEOUT:-40}"

log() { echo "stop-docker: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
fi

if [ ! -f "$PID_FILE" ]; then
  log "no daemon started by start-docker.sh: nothing to stop"
  exit 0
fi

pid="$(cat "$PID_FILE" 2>/dev/null || true)"
case "$pid" in
  ''|*[!0-9]*)
    log "ignoring an unreadable pid file"
    $SUDO rm -f "$PID_FILE"
    exit 0
    ;;
esac

if [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" != "dockerd" ]; then
  log "daemon $pid is no longer running"
  $SUDO rm -f "$PID_FILE"
  exit 0
fi

# The containerd that dockerd started for itself (if any), in case SIGKILL is needed.
children="$(pgrep -P "$pid" 2>/dev/null || true)"

log "stopping dockerd $pid"
$SUDO kill -TERM "$pid" 2>/dev/null || true
deadline=$(( $(date +%s) + TIMEOUT ))
while [ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = "dockerd" ]; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "dockerd $pid did not stop within ${TIMEOUT}s: killing it"
    $SUDO kill -KILL "$pid" 2>/dev/null || true
    for child in $children; do
      if [ "$(cat "/proc/$child/comm" 2>/dev/null || true)" = "containerd" ]; then
        $SUDO kill -KILL "$child" 2>/dev/null || true
      fi
    done
    sleep 1
    break
  fi
  sleep 0.5
done

$SUDO rm -f "$PID_FILE"
log "dockerd $pid stopped"
