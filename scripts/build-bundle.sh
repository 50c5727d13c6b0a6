#!/usr/bin/env bash
# Builds the Maven Central bundle of the committed HEAD, as a release would, into OUT_DIR.
#
#   scripts/build-bundle.sh OUT_DIR [VERSION]
#
# 1. copies the committed tree of HEAD (git archive: no build output, no local edits) to
#    OUT_DIR/src, so that two runs build the same inputs in different directories;
# 2. sets the version of every pom to VERSION (default: the current version without -SNAPSHOT),
#    as the release commit does;
# 3. runs `./mvnw -Prelease deploy` for the published modules (those with a `.published` marker):
#    the central-publishing plugin stages, checksums and zips them and uploads the bundle to
#    scripts/fake-central.py on a loopback port instead of Central (nothing leaves the machine);
# 4. unzips the uploaded bundle to OUT_DIR/bundle (a Maven repository layout: poms, jars,
#    checksums, signatures), the exact bytes Central would receive.
#
# Signing: with SIGNING_KEY=ephemeral a throw-away key is generated (its public key is written to
# OUT_DIR/signing-key.asc for scripts/check-bundle.sh); with MAVEN_GPG_KEY set, that key signs;
# otherwise the bundle is unsigned, as the release profile skips signing without a key.
# Uses the Maven repository of MAVEN_OPTS (-Dmaven.repo.local=...) like every other build.
set -euo pipefail

usage() { echo "usage: $0 OUT_DIR [VERSION]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
rm -rf "$out/src" "$out/bundle" "$out/gnupg" "$out/signing-key.asc" "$out/settings.xml" \
  "$out/central-bundle.zip" "$out/fake-central.port"
mkdir -p "$out/src" "$out/bundle"

git -C "$root" archive --format=tar HEAD | tar -x -C "$out/src"
cd "$out/src"

current="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml)"
version="${2:-${current%-SNAPSHOT}}"
if [[ "$version" != "$current" ]]; then
  # Only the project's own version: the element right after the project's or parent's artifactId
  # of this project, and the versions listed in the BOM (all equal to the project's version).
  find . -name pom.xml -not -path '*/node_modules/*' -print0 |
    xargs -0 sed -i "s:<version>${current//./\\.}</version>:<version>${version}</version>:g"
fi

modules=()
while IFS= read -r marker; do
  dir="$(dirname "${marker#./}")"
  modules+=("$dir")
done < <(find . -name .published -not -path '*/node_modules/*' -not -path '*/target/*' | sort)
pl="$(IFS=,; echo "${modules[*]}")"

if [[ "${SIGNING_KEY:-}" == ephemeral ]]; then
  export GNUPGHOME="$out/gnupg"
  mkdir -p -m 700 "$GNUPGHOME"
  gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
    --quick-generate-key 'HappyFox Contacts SDK bundle check <bundle-check@invalid>' rsa3072 sign 1d
  gpg --batch --quiet --armor --export > "$out/signing-key.asc"
  MAVEN_GPG_KEY="$(gpg --batch --quiet --armor --pinentry-mode loopback --passphrase '' --export-secret-keys)"
  export MAVEN_GPG_KEY
fi

# The plugin reads its server's credentials even when it does not upload: give it unused ones,
# on top of the user's own settings (passed as the global ones so that their mirrors still apply).
cat > "$out/settings.xml" <<'XML'
<settings>
  <servers>
    <server>
      <id>central</id>
      <username>bundle-check-only</username>
      <password>not-used-publishing-is-skipped</password>
    </server>
  </servers>
</settings>
XML
settings=(-s "$out/settings.xml")
if [[ -f "$HOME/.m2/settings.xml" ]]; then
  settings+=(-gs "$HOME/.m2/settings.xml")
fi

python3 "$root/scripts/fake-central.py" "$out/fake-central.port" "$out/central-bundle.zip" &
fake_central=$!
trap 'kill "$fake_central" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [[ -s "$out/fake-central.port" ]] && break; sleep 0.1; done
port="$(cat "$out/fake-central.port")"

echo "building the bundle of $(git -C "$root" rev-parse --short HEAD) as version $version: modules $pl"
./mvnw -B -q "${settings[@]}" -Prelease deploy -pl "$pl" -Dmaven.test.skip=true \
  -Dmaven.install.skip=true -DcentralBaseUrl="http://127.0.0.1:$port" -Dcentral.waitUntil=UPLOADED

[[ -s "$out/central-bundle.zip" ]] || { echo "no bundle was uploaded" >&2; exit 1; }
(cd "$out/bundle" && unzip -q "$out/central-bundle.zip")
echo "bundle: $out/bundle ($(find "$out/bundle" -type f | wc -l) files)"
