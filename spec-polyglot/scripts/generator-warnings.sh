#!/usr/bin/env bash
# Captures the OpenAPI Generator log of each client that spec-polyglot generates, one Maven run per
# generator (the generator logs some warnings only once per JVM, so a shared run can hide them),
# and prints the warnings of each. Logs: spec-polyglot/target/generator-logs/<execution>.log
#
#   spec-polyglot/scripts/generator-warnings.sh [extra Maven arguments, e.g. -o or -Dspec.file=...]
#
# Informational: exits 0 whatever the warnings; a generator error exits non-zero.
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root_dir="$(cd "$module_dir/.." && pwd)"
log_dir="$module_dir/target/generator-logs"
mkdir -p "$log_dir"

status=0
for execution in generate-typescript-fetch generate-typescript-axios generate-python generate-kotlin generate-go; do
  log="$log_dir/$execution.log"
  if ! (cd "$root_dir" && ./mvnw -B -pl spec-polyglot "openapi-generator:generate@$execution" "$@") >"$log" 2>&1; then
    echo "$execution: FAILED (see $log)"
    status=1
    continue
  fi
  warnings="$(grep -E '^\[WARNING\]' "$log" | grep -v 'maven-' || true)"
  count="$(printf '%s' "$warnings" | grep -c . || true)"
  echo "$execution: $count warning(s)"
  if [[ -n "$warnings" ]]; then
    printf '%s\n' "$warnings" | sort | uniq -c | sed 's/^/  /'
  fi
done
exit "$status"
