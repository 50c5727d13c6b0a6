#!/usr/bin/env bash
# Checks a bundle built by scripts/build-bundle.sh the way Maven Central validates one
# (see scripts/check_bundle.py for the list of checks).
#
#   scripts/check-bundle.sh OUT_DIR
#
# Signatures are required and verified when OUT_DIR/signing-key.asc exists (SIGNING_KEY=ephemeral
# in build-bundle.sh), and reported as absent otherwise.
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"
key=()
if [[ -f "$out/signing-key.asc" ]]; then
  key=(--public-key "$out/signing-key.asc")
fi
python3 "$root/scripts/check_bundle.py" "$out/bundle" \
  --readme "$root/README.md" --license "$root/LICENSE" "${key[@]}"
