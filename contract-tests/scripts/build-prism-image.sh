#!/usr/bin/env bash
# Builds the local Prism mock image without any container registry.
#
#   contract-tests/scripts/build-prism-image.sh [--verify] [--force] [TAG]
#
# TAG defaults to $PRISM_IMAGE, else happyfox-contacts/prism:5.16.0. The image is built with
# `docker build` from contract-tests/docker/Dockerfile (FROM scratch) over a context that holds
# this machine's Node.js, its shared libraries and the `npm ci` install of @stoplight/prism-cli
# pinned in contract-tests/package-lock.json (docker/build-context.sh).
#
# Idempotent and quick: the image carries a fingerprint label (node binary, its libraries,
# package-lock.json, Dockerfile, context script); when an image with TAG and the same fingerprint
# exists, nothing is built. --force rebuilds anyway.
#
# --verify then runs the image as the tests do: `prism mock` with --network host, listening on a
# free port of 127.0.0.1, serving src/test/resources/prism-smoke.yaml, and checks one request.
#
# Needs a Docker daemon that answers (scripts/start-docker.sh starts one) and Node.js with npm.
set -euo pipefail

PRISM_VERSION="5.16.0"
LABEL_KEY="io.github.hfcontacts.prism.fingerprint"

here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/.." && pwd)"

log() { echo "build-prism-image: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

verify=""
force=""
tag=""
for arg in "$@"; do
  case "$arg" in
    --verify) verify="yes" ;;
    --force) force="yes" ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) die "unknown option $arg" ;;
    *) [ -z "$tag" ] || die "only one TAG may be given"; tag="$arg" ;;
  esac
done
tag="${tag:-${PRISM_IMAGE:-happyfox-contacts/prism:$PRISM_VERSION}}"

command -v docker >/dev/null 2>&1 || die "docker client not found: run scripts/start-docker.sh"
timeout 10 docker info >/dev/null 2>&1 || die "no Docker daemon answers: run scripts/start-docker.sh"
command -v node >/dev/null 2>&1 || die "node not found on PATH"
command -v npm >/dev/null 2>&1 || die "npm not found on PATH"

# 1. Prism from the lockfile (install scripts are not needed and stay off).
installed="$(cd "$module" && node -p "require('./node_modules/@stoplight/prism-cli/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$PRISM_VERSION" ]; then
  log "installing @stoplight/prism-cli $PRISM_VERSION with npm ci"
  (cd "$module" && npm ci --no-audit --no-fund --ignore-scripts) >&2
fi

# 2. Fingerprint of everything that goes into the image.
node_bin="$(readlink -f "$(command -v node)")"
fingerprint="$(
  {
    sha256sum "$node_bin"
    ldd "$node_bin" | grep -o '/[^ ]*' | sort -u | xargs -r readlink -f | xargs -r sha256sum
    sha256sum "$module/package-lock.json" "$module/docker/Dockerfile" "$module/docker/build-context.sh"
  } | awk '{print $1}' | sha256sum | awk '{print $1}'
)"

current="$(docker image inspect --format "{{ index .Config.Labels \"$LABEL_KEY\" }}" "$tag" 2>/dev/null || true)"
if [ -z "$force" ] && [ "$current" = "$fingerprint" ]; then
  log "$tag is up to date (fingerprint ${fingerprint:0:12})"
else
  previous="$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)"
  context="$module/target/prism-image-context"
  "$module/docker/build-context.sh" "$context"
  log "building $tag"
  # The legacy builder: no BuildKit/buildx plugin needed, and with no RUN step the build starts
  # no container and uses no network.
  DOCKER_BUILDKIT=0 docker build \
    --network none \
    --label "$LABEL_KEY=$fingerprint" \
    --label "org.opencontainers.image.title=Prism $PRISM_VERSION (local build)" \
    --tag "$tag" \
    "$context" >&2
  rm -rf "$context"
  # Drop the image this one replaces, unless something else still uses it.
  if [ -n "$previous" ] && [ "$previous" != "$(docker image inspect --format '{{.Id}}' "$tag")" ]; then
    docker image rm "$previous" >/dev/null 2>&1 || true
  fi
  log "built $tag ($(docker image inspect --format '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1000000}'))"
fi

# 3. Optional check: prism mock on the host network, loopback only.
if [ -n "$verify" ]; then
  spec="$module/src/test/resources/prism-smoke.yaml"
  [ -f "$spec" ] || die "missing $spec"
  port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  name="prism-verify-$$"
  log "verifying: prism mock on 127.0.0.1:$port (--network host)"
  docker run -d --rm --name "$name" --network host \
    -v "$spec:/spec/openapi.yaml:ro" \
    "$tag" mock -h 127.0.0.1 -p "$port" --errors /spec/openapi.yaml >/dev/null
  trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT
  deadline=$(( $(date +%s) + 60 ))
  until docker logs "$name" 2>&1 | grep -q 'Prism is listening'; do
    if [ "$(date +%s)" -ge "$deadline" ] || ! docker inspect "$name" >/dev/null 2>&1; then
      docker logs "$name" >&2 2>&1 || true
      die "prism did not start within 60s"
    fi
    sleep 0.5
  done
  body="$(node -e "
    require('http').get('http://127.0.0.1:$port/contact_groups/', r => {
      let b=''; r.on('data', c => b += c);
      r.on('end', () => { console.log(r.statusCode + ' ' + b); process.exit(r.statusCode === 200 ? 0 : 1); });
    }).on('error', e => { console.error(e.message); process.exit(1); });")" || die "request failed: $body"
  log "GET /contact_groups/ -> $body"
  docker rm -f "$name" >/dev/null 2>&1 || true
  trap - EXIT
  log "verified $tag"
fi
echo "$tag"
