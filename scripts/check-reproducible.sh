#!/usr/bin/env bash
# Checks that two builds of the same commit are byte-identical.
#
#   scripts/check-reproducible.sh OUT_DIR_A OUT_DIR_B
#
# Compares every file of the two bundles written by scripts/build-bundle.sh (built from the same
# commit in two different directories): poms, jars, sources and javadoc jars and their checksums.
# Signatures (.asc) are left out: a signature is made anew each time. On a difference, lists the
# jar entries that differ.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 OUT_DIR_A OUT_DIR_B" >&2; exit 2; }
a="$1/bundle"
b="$2/bundle"
list() { (cd "$1" && find . -type f -not -name '*.asc' -not -name '*.asc.*' | sort); }
if ! diff <(list "$a") <(list "$b") > /dev/null; then
  echo "the two builds produced different sets of files:" >&2
  diff <(list "$a") <(list "$b") >&2 || true
  exit 1
fi
same=0
different=()
while IFS= read -r file; do
  if cmp -s "$a/$file" "$b/$file"; then
    same=$((same + 1))
  else
    different+=("$file")
  fi
done < <(list "$a")
if [[ ${#different[@]} -gt 0 ]]; then
  echo "not reproducible: ${#different[@]} files differ between two builds of one commit:" >&2
  for file in "${different[@]}"; do
    echo "  $file" >&2
    if [[ "$file" == *.jar ]]; then
      diff <(unzip -lv "$a/$file" | awk '{print $7, $8}') \
           <(unzip -lv "$b/$file" | awk '{print $7, $8}') | head -20 >&2 || true
    fi
  done
  exit 1
fi
echo "reproducible: $same files byte-identical in two builds of one commit" \
  "($(cd "$a" && find . -name '*.jar' | wc -l) jars)"
