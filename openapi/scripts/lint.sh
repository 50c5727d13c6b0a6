#!/usr/bin/env bash
# Lints the OpenAPI contract with Spectral and the project ruleset (openapi/.spectral.yaml).
# Fails (exit 1) on any finding of severity warning or error: the contract must have 0 of each.
#
#   openapi/scripts/lint.sh [spec file, default openapi/happyfox-contacts.yaml]
#
# Installs the pinned tools (npm ci) first when openapi/node_modules is missing or stale.
set -euo pipefail

openapi_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="${1:-$openapi_dir/happyfox-contacts.yaml}"
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"

bash "$openapi_dir/scripts/ensure-node-modules.sh" "$openapi_dir"
cd "$openapi_dir"

report="$(mktemp)"
trap 'rm -f "$report"' EXIT

status=0
node_modules/.bin/spectral lint "$spec" \
  --ruleset .spectral.yaml \
  --fail-severity=warn \
  --format stylish \
  --format json --output.json "$report" || status=$?

# One summary line: "spectral: N errors, N warnings, N infos, N hints" (exit 2 = Spectral itself failed).
if [[ "$status" -gt 1 ]]; then
  echo "spectral: failed to run (exit $status)" >&2
  exit "$status"
fi
node -e '
  const fs = require("fs");
  const text = fs.readFileSync(process.argv[1], "utf8").trim();
  const results = text ? JSON.parse(text) : [];
  const count = (severity) => results.filter((r) => r.severity === severity).length;
  console.log(`spectral: ${count(0)} errors, ${count(1)} warnings, ${count(2)} infos, ${count(3)} hints`);
' "$report" || true

exit "$status"
