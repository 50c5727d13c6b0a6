#!/usr/bin/env bash
# Builds the user projects in consumer-tests/ against a release bundle, as users would get it.
#
#   scripts/check-consumers.sh OUT_DIR
#
# OUT_DIR is a directory written by scripts/build-bundle.sh: its bundle/ is used as a Maven
# repository, so the SDK's artifacts come from the bundle (checksums checked by Maven), and every
# other artifact from the usual local repository (read-only, as a tail: nothing of the bundle is
# left in it).
#  * consumer-tests/classpath (the BOM and one dependency, --release 11): compiled and tested on
#    Java 17 and on Java 25 (its virtual-thread test must run there, not be skipped);
#  * consumer-tests/jpms (module-info requiring the documented module names): compiled with
#    --release 11 and run on the module path, on Java 17 and on Java 25.
# The JDKs are found by their `release` file among JDK<N>_HOME, JAVA_HOME, the `java` on the
# PATH and the usual installation directories (/usr/lib/jvm, /opt/java, /usr/java, SDKMAN);
# CONSUMER_JDKS="17 25" chooses the feature versions.
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(cd "$1" && pwd)"
bundle="$out/bundle"
version="$(ls "$bundle/io/github/hfcontacts/happyfox-contacts-bom")"
[[ -n "$version" ]] || { echo "no BOM in $bundle" >&2; exit 1; }

main_repo="$HOME/.m2/repository"
if [[ "${MAVEN_OPTS:-}" =~ -Dmaven\.repo\.local=([^[:space:]]+) ]]; then
  main_repo="${BASH_REMATCH[1]}"
fi

feature_of() { # prints the feature version of the JDK at $1, or nothing
  local release="$1/release"
  [[ -f "$release" && -x "$1/bin/javac" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

find_jdk() { # prints the home of a JDK of feature version $1
  local wanted="$1" candidate var="JDK$1_HOME"
  local candidates=("${!var:-}" "${JAVA_HOME:-}")
  if command -v java > /dev/null; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  candidates+=(/usr/lib/jvm/* /opt/java/* /usr/java/* "$HOME"/.sdkman/candidates/java/*)
  for candidate in "${candidates[@]}"; do
    [[ -n "$candidate" && -d "$candidate" ]] || continue
    if [[ "$(feature_of "$candidate")" == "$wanted" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  echo "no JDK $wanted found (set JDK${wanted}_HOME)" >&2
  return 1
}

consumer() { # consumer DIR JDK_HOME FEATURE
  local dir="$1" jdk="$2" feature="$3" log="$out/consumer-$(basename "$1")-java$3.log"
  rm -rf "$root/$dir/target"
  if ! JAVA_HOME="$jdk" "$root/mvnw" -B -f "$root/$dir/pom.xml" verify \
      -Dhfc.version="$version" -Dhfc.repository="file://$bundle" \
      -Dmaven.repo.local="$out/consumer-repo" -Dmaven.repo.local.tail="$main_repo" \
      > "$log" 2>&1; then
    tail -60 "$log" >&2
    echo "consumer $dir FAILED on Java $feature (log: $log)" >&2
    return 1
  fi
}

summary() { # prints the test counts of the surefire reports of DIR
  python3 - "$1" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
run = failed = skipped = 0
for report in glob.glob(sys.argv[1] + "/target/surefire-reports/TEST-*.xml"):
    suite = ET.parse(report).getroot()
    run += int(suite.get("tests"))
    failed += int(suite.get("failures")) + int(suite.get("errors"))
    skipped += int(suite.get("skipped"))
print(f"{run - failed - skipped} passed, {failed} failed, {skipped} skipped")
PY
}

rm -rf "$out/consumer-repo"
for feature in ${CONSUMER_JDKS:-17 25}; do
  jdk="$(find_jdk "$feature")"
  echo "Java $feature: $jdk"

  consumer consumer-tests/classpath "$jdk" "$feature"
  # The SDK's jars must have come from the bundle, not from a copy of the same version elsewhere.
  for artifact in happyfox-contacts-client happyfox-contacts-client-generated; do
    cmp -s "$out/consumer-repo/io/github/hfcontacts/$artifact/$version/$artifact-$version.jar" \
      "$bundle/io/github/hfcontacts/$artifact/$version/$artifact-$version.jar" ||
      { echo "$artifact $version was not resolved from the bundle" >&2; exit 1; }
  done
  counts="$(summary "$root/consumer-tests/classpath")"
  echo "  classpath consumer (BOM + happyfox-contacts-client $version, --release 11): $counts"
  if (( feature >= 21 )) && ! grep -q 'runsAsyncOperationsOnVirtualThreads' \
      "$root"/consumer-tests/classpath/target/surefire-reports/TEST-*.xml; then
    echo "the virtual-thread test did not run on Java $feature" >&2
    exit 1
  fi
  if (( feature >= 21 )) && grep -A1 'runsAsyncOperationsOnVirtualThreads' \
      "$root"/consumer-tests/classpath/target/surefire-reports/TEST-*.xml | grep -q '<skipped'; then
    echo "the virtual-thread test was skipped on Java $feature" >&2
    exit 1
  fi
  [[ "$counts" == *" 0 failed"* ]] || exit 1

  consumer consumer-tests/jpms "$jdk" "$feature"
  echo "  JPMS consumer (requires io.github.hfcontacts.client, .openapi; --release 11):" \
    "$(grep '^jpms consumer:' "$out/consumer-jpms-java$feature.log")"
done
rm -rf "$root/consumer-tests/classpath/target" "$root/consumer-tests/jpms/target"
echo "consumer checks passed"
