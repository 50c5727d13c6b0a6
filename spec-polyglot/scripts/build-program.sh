#!/usr/bin/env bash
# Compiles one language's conformance program with the client generated into
# spec-polyglot/target/generated-clients/ (run by the conformance runner, from spec-polyglot/):
#   build-program.sh typescript-fetch|typescript-axios   tsc (strict) into target/programs/<language>/
#   build-program.sh python                             byte-compiles the client and the program
#   build-program.sh go                                 go build, GOPATH mode, no module proxy
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
generated="$module_dir/target/generated-clients"
programs="$module_dir/target/programs"
cd "$module_dir"

language="${1:?usage: build-program.sh typescript-fetch|typescript-axios|python|go}"
[[ -d "$generated/$language" ]] || { echo "$generated/$language does not exist: generate first" >&2; exit 1; }
case "$language" in
  typescript-fetch|typescript-axios)
    rm -rf "$programs/$language"
    node_modules/.bin/tsc --project "$language/tsconfig.json" --pretty false
    echo "tsc $(node_modules/.bin/tsc --version | sed 's/^Version //'): $language client and program compiled"
    ;;
  python)
    python="${PYTHON:-python3}"
    PYTHONPYCACHEPREFIX="$module_dir/target/pycache" "$python" -m compileall -q -f \
      "$generated/python/happyfox_contacts" python/conformance.py
    echo "$("$python" --version 2>&1): python client and program byte-compiled"
    ;;
  go)
    # Debian's Go (golang-go) builds in GOPATH mode: no module proxy is reachable, and the one
    # dependency of the generated client (gopkg.in/validator.v2) comes from Debian's
    # golang-gopkg-validator.v2-dev in /usr/share/gocode.
    gopath="$programs/go/gopath"
    rm -rf "$gopath"
    mkdir -p "$gopath/src/happyfox" "$gopath/src/conformance"
    cp "$generated/go/"*.go "$gopath/src/happyfox/"
    cp go/*.go "$gopath/src/conformance/"
    GO111MODULE=off GOPROXY=off GOFLAGS= GOPATH="$gopath:/usr/share/gocode" \
      go build -o "$programs/go/conformance" conformance
    echo "$(go version): go client and program built"
    ;;
  *)
    echo "unknown language $language" >&2
    exit 2
    ;;
esac
