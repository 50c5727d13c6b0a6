#!/usr/bin/env bash
# Prepares the docker build context for the local Prism image (see Dockerfile beside this file):
#
#   contract-tests/docker/build-context.sh [OUTPUT_DIR]
#
# OUTPUT_DIR (default: contract-tests/target/prism-image-context) is emptied and filled with
#   Dockerfile
#   rootfs/usr/local/bin/node                      this machine's Node.js binary
#   rootfs/<path of each library that ldd lists>   its shared libraries, and the dynamic loader
#   rootfs/opt/prism/node_modules/                 contract-tests/node_modules (from `npm ci`)
#   rootfs/tmp/
# contract-tests/node_modules must hold @stoplight/prism-cli (scripts/build-prism-image.sh runs
# `npm ci` first when it does not).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/.." && pwd)"
out="${1:-$module/target/prism-image-context}"

die() { echo "build-context: ERROR: $*" >&2; exit 1; }

node_bin="$(command -v node || true)"
[ -n "$node_bin" ] || die "node not found on PATH"
node_bin="$(readlink -f "$node_bin")"
[ -f "$module/node_modules/@stoplight/prism-cli/dist/index.js" ] \
  || die "contract-tests/node_modules has no @stoplight/prism-cli: run 'npm ci' in contract-tests"
command -v ldd >/dev/null 2>&1 || die "ldd not found"

case "$out" in
  ""|"/") die "refusing to use '$out' as the output directory" ;;
esac
rm -rf "$out"
mkdir -p "$out/rootfs/usr/local/bin" "$out/rootfs/opt/prism" "$out/rootfs/tmp"
chmod 1777 "$out/rootfs/tmp"

cp "$here/Dockerfile" "$out/Dockerfile"
cp -L "$node_bin" "$out/rootfs/usr/local/bin/node"

# Copies a file (following symlinks) to the same absolute path under rootfs/.
copy_lib() {
  local src="$1"
  [ -e "$src" ] || die "library $src listed by ldd does not exist"
  mkdir -p "$out/rootfs$(dirname "$src")"
  cp -L "$src" "$out/rootfs$src"
}

ldd_out="$(ldd "$node_bin" 2>&1 || true)"
if echo "$ldd_out" | grep -q 'not found'; then
  die "ldd reports missing libraries for $node_bin: $ldd_out"
fi
libs=0
while read -r line; do
  case "$line" in
    *"=> /"*)
      # libfoo.so.1 => /lib/x86_64-linux-gnu/libfoo.so.1 (0x...)
      path="${line#*=> }"
      path="${path%% (*}"
      copy_lib "$path"
      libs=$((libs + 1))
      ;;
    /*)
      # the dynamic loader: /lib64/ld-linux-x86-64.so.2 (0x...)
      path="${line%% (*}"
      copy_lib "$path"
      libs=$((libs + 1))
      ;;
    *) ;; # linux-vdso.so.1 (kernel-provided), "statically linked", ...
  esac
done <<< "$ldd_out"

cp -a "$module/node_modules" "$out/rootfs/opt/prism/node_modules"
cp "$module/package.json" "$module/package-lock.json" "$out/rootfs/opt/prism/"

echo "build-context: $out ready (node $("$node_bin" --version), $libs libraries, $(du -sh "$out" | cut -f1))" >&2
