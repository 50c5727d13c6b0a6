#!/usr/bin/env bash
# Compiles one language's conformance program with the client generated into
# spec-polyglot/target/generated-clients/ (run by the conformance runner, from spec-polyglot/):
#   build-program.sh typescript-fetch|typescript-axios   tsc (strict) into target/programs/<language>/
#   build-program.sh python                             byte-compiles the client and the program
#   build-program.sh go                                 go build, GOPATH mode, no module proxy
#   build-program.sh go-test                            the same into target/programs/go-test/, then
#                                                       go test of the client (tests of go/custom/)
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
generated="$module_dir/target/generated-clients"
programs="$module_dir/target/programs"
cd "$module_dir"

language="${1:?usage: build-program.sh typescript-fetch|typescript-axios|python|go|go-test}"
[[ -d "$generated/${language%-test}" ]] || { echo "$generated/${language%-test} does not exist: generate first" >&2; exit 1; }
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
  go|go-test)
    # Debian's Go (golang-go) builds in GOPATH mode: no module proxy is reachable, and the
    # generated client with the hand-written types of go/custom/ needs the standard library only.
    gopath="$programs/$language/gopath"
    rm -rf "$gopath"
    mkdir -p "$gopath/src/happyfox" "$gopath/src/conformance"
    cp "$generated/go/"*.go go/custom/*.go "$gopath/src/happyfox/"
    cp go/*.go "$gopath/src/conformance/"
    GO111MODULE=off GOPROXY=off GOFLAGS= GOPATH="$gopath" \
      go build -o "$programs/$language/conformance" conformance
    echo "$(go version): go client and program built"
    if [[ "$language" == go-test ]]; then
      GO111MODULE=off GOPROXY=off GOFLAGS= GOPATH="$gopath" go test -count=1 -v happyfox
    fi
    ;;
  *)
    echo "unknown language $language" >&2
    exit 2
    ;;
esac
