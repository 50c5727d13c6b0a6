#!/usr/bin/env bash
# Renders the single-file HTML API reference of the contract with Redocly, then checks it (the
# file exists, is not empty, and names the operationId and summary of every operation).
#
#   openapi/scripts/render-docs.sh [output html, default openapi/target/happyfox-contacts-api.html] [spec]
#
# Installs the pinned tools (npm ci) first when openapi/node_modules is missing or stale.
set -euo pipefail

openapi_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$openapi_dir/target/happyfox-contacts-api.html}"
spec="${2:-$openapi_dir/happyfox-contacts.yaml}"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"

bash "$openapi_dir/scripts/ensure-node-modules.sh" "$openapi_dir"
cd "$openapi_dir"

# No usage telemetry and no update check: the build runs offline apart from the package registries.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

rm -f "$out"
# Redocly prints boxed notices (Node.js support, Redoc 3); they are dropped from the build log.
node_modules/.bin/redocly build-docs "$spec" --output "$out" 2>&1 | sed -e '/^[[:space:]]*[╔║╚]/d' -e '/^[[:space:]]*$/d'
node scripts/check-docs.mjs "$spec" "$out"
