#!/usr/bin/env bash
# Release step: makes the current contract the baseline of the breaking-change gate
# (openapi/baseline/happyfox-contacts.yaml). Run it in the release commit, after the build passed.
set -euo pipefail

openapi_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp "$openapi_dir/happyfox-contacts.yaml" "$openapi_dir/baseline/happyfox-contacts.yaml"
version="$(sed -n 's/^  version: *//p' "$openapi_dir/baseline/happyfox-contacts.yaml" | head -n 1)"
echo "Baseline refreshed: info.version ${version:-unknown}"
