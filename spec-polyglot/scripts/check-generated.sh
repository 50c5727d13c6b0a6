#!/usr/bin/env bash
# Checks a client generated into spec-polyglot/target/generated-clients/:
#   check-generated.sh typescript   type-checks typescript-fetch with the pinned tsc (strict, no emit)
#   check-generated.sh python       byte-compiles the python client (python3 -m compileall); it is
#                                   not imported, since its dependencies are not installed here
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
generated="$module_dir/target/generated-clients"
cd "$module_dir"

case "${1:-}" in
  typescript)
    dir="$generated/typescript-fetch/src"
    [[ -d "$dir" ]] || { echo "tsc: $dir does not exist: generate first" >&2; exit 1; }
    files="$(find "$dir" -name '*.ts' | wc -l)"
    node_modules/.bin/tsc --project tsconfig.json --pretty false
    echo "tsc $(node_modules/.bin/tsc --version | sed 's/^Version //'): $files files of typescript-fetch type-check, 0 errors"
    ;;
  python)
    dir="$generated/python"
    [[ -d "$dir" ]] || { echo "py_compile: $dir does not exist: generate first" >&2; exit 1; }
    python="${PYTHON:-python3}"
    files="$(find "$dir" -name '*.py' | wc -l)"
    # the byte code goes to target/pycache, not into the generated sources
    PYTHONPYCACHEPREFIX="$module_dir/target/pycache" "$python" -m compileall -q -f "$dir"
    echo "py_compile ($("$python" --version 2>&1)): $files files of the python client compile, 0 errors"
    ;;
  *)
    echo "usage: check-generated.sh typescript|python" >&2
    exit 2
    ;;
esac
