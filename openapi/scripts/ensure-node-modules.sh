#!/usr/bin/env bash
# Installs the pinned npm tools of a directory from its lockfile (npm ci) when node_modules is
# missing or older than package-lock.json. Usage: ensure-node-modules.sh <dir with package-lock.json>
set -euo pipefail

dir="${1:?usage: ensure-node-modules.sh <directory with package.json and package-lock.json>}"
cd "$dir"
if [[ ! -f package-lock.json ]]; then
  echo "ensure-node-modules: no package-lock.json in $(pwd)" >&2
  exit 2
fi
marker=node_modules/.package-lock.json
if [[ ! -f "$marker" || package-lock.json -nt "$marker" ]]; then
  echo "ensure-node-modules: npm ci in $(pwd)"
  npm ci --no-audit --no-fund --ignore-scripts
fi
