#!/usr/bin/env bash
# Checks a good bundle (OUT_DIR from scripts/build-bundle.sh with SIGNING_KEY=ephemeral) with
# scripts/check-bundle.sh, printing its report, then shows that the check fails on the faults
# Central rejects: on copies of the bundle, each damaged in one way, it must fail and name the fault.
#
#   scripts/check-bundle-selftest.sh OUT_DIR
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
good="$(cd "$1" && pwd)"
[[ -f "$good/signing-key.asc" ]] || { echo "$good has no signing key: build it with SIGNING_KEY=ephemeral" >&2; exit 2; }
version="$(ls "$good/bundle/io/github/hfcontacts/happyfox-contacts-bom")"
client="io/github/hfcontacts/happyfox-contacts-client/$version/happyfox-contacts-client-$version"
bom="io/github/hfcontacts/happyfox-contacts-bom/$version/happyfox-contacts-bom-$version.pom"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

damage() { # damage NAME EXPECTED-MESSAGE COMMAND...: the check of the damaged copy must fail so
  local name="$1" expected="$2"
  shift 2
  rm -rf "$work/out"
  mkdir -p "$work/out"
  cp -r "$good/bundle" "$good/signing-key.asc" "$work/out/"
  (cd "$work/out/bundle" && "$@")
  if "$root/scripts/check-bundle.sh" "$work/out" > "$work/log" 2>&1; then
    echo "check-bundle passed a bundle with $name" >&2
    exit 1
  fi
  if ! grep -q -- "$expected" "$work/log"; then
    echo "check-bundle failed on $name without saying '$expected':" >&2
    cat "$work/log" >&2
    exit 1
  fi
  echo "  fails as it should on $name: $(grep -m1 -- "$expected" "$work/log" | sed 's/^ *//')"
}

"$root/scripts/check-bundle.sh" "$good"
echo "check-bundle passes the bundle as built, and:"
damage "no sources jar" "missing happyfox-contacts-client-$version-sources.jar" \
  rm "$client-sources.jar" "$client-sources.jar".{md5,sha1,sha256,sha512,asc}
damage "a wrong checksum" ".sha1 does not match" sh -c "echo 0000 > '$client.jar.sha1'"
damage "a jar changed after signing" "signature does not verify" \
  sh -c "printf x >> '$client.jar' && for a in md5 sha1 sha256 sha512; do
    \${a}sum '$client.jar' | cut -d' ' -f1 > '$client.jar.'\$a; done"
damage "an unsigned file" "no .asc signature" rm "$client.pom.asc"
damage "a BOM that misses an artifact" "does not manage happyfox-contacts-client" \
  sh -c "python3 - '$bom' <<'PY'
import re, sys
p = sys.argv[1]; s = open(p).read()
s = re.sub(r'<dependency>\s*<groupId>io.github.hfcontacts</groupId>\s*<artifactId>happyfox-contacts-client</artifactId>.*?</dependency>', '', s, flags=re.S)
open(p, 'w').write(s)
PY"
echo "check-bundle self-test passed"
