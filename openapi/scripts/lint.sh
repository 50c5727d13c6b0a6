#!/usr/bin/env bash
# Lints the OpenAPI contract with two independent tools, both pinned in package-lock.json:
#   1. Spectral with the project ruleset (openapi/.spectral.yaml): spectral:oas recommended + hfc- rules;
#   2. Redocly CLI with its "recommended" ruleset (openapi/redocly.yaml, exceptions explained there).
# Fails (exit 1) on any finding of severity warning or error of either tool: the contract must have
# 0 of each. Both tools always run, so one run shows every finding.
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

# ---- 1. Spectral ------------------------------------------------------------------------------
spectral_status=0
node_modules/.bin/spectral lint "$spec" \
  --ruleset .spectral.yaml \
  --fail-severity=warn \
  --format stylish \
  --format json --output.json "$report" || spectral_status=$?

# One summary line: "spectral: N errors, N warnings, N infos, N hints" (exit 2 = Spectral itself failed).
if [[ "$spectral_status" -gt 1 ]]; then
  echo "spectral: failed to run (exit $spectral_status)" >&2
  exit "$spectral_status"
fi
node -e '
  const fs = require("fs");
  const text = fs.readFileSync(process.argv[1], "utf8").trim();
  const results = text ? JSON.parse(text) : [];
  const count = (severity) => results.filter((r) => r.severity === severity).length;
  console.log(`spectral: ${count(0)} errors, ${count(1)} warnings, ${count(2)} infos, ${count(3)} hints`);
' "$report" || true

# ---- 2. Redocly -------------------------------------------------------------------------------
# No usage telemetry and no update check: the build runs offline apart from the package registries.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
redocly_status=0
node_modules/.bin/redocly lint "$spec" --config redocly.yaml --format json >"$report" 2>/dev/null \
  || redocly_status=$?
totals="$(node -e '
  const fs = require("fs");
  const text = fs.readFileSync(process.argv[1], "utf8").trim();
  if (!text) { process.exit(3); }
  const { totals } = JSON.parse(text);
  console.log(`${totals.errors} ${totals.warnings}`);
' "$report")" || { echo "redocly: failed to run (exit $redocly_status)" >&2; exit 2; }
read -r redocly_errors redocly_warnings <<<"$totals"
if [[ "$redocly_errors" -gt 0 || "$redocly_warnings" -gt 0 ]]; then
  # Show the findings readably (the JSON run above only counted them).
  node_modules/.bin/redocly lint "$spec" --config redocly.yaml --format stylish 2>&1 \
    | sed -e '/^[[:space:]]*[╔║╚]/d' || true
fi
echo "redocly: $redocly_errors errors, $redocly_warnings warnings (recommended, config redocly.yaml)"

if [[ "$spectral_status" -ne 0 || "$redocly_errors" -gt 0 || "$redocly_warnings" -gt 0 ]]; then
  exit 1
fi
