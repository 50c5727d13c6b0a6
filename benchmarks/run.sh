#!/usr/bin/env bash
# Builds the benchmarks module and runs, on one loopback keep-alive server in its own JVM:
#   1. JMH with -prof gc (throughput and bytes/op of every variant and operation),
#   2. two interleaved runs (variants alternated in short slices; median ratios with quartiles),
#   3. the retained-heap measurement per parsed contact.
# Results go to benchmarks/target/results/; results.md gathers them (machine, JDK, date).
#
# Usage: bash benchmarks/run.sh [--quick]   (--quick: shorter runs, to check that everything works)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
[[ "${1:-}" == "--quick" ]] && quick=true

./mvnw -B -q -pl benchmarks -am package -DskipTests
cp="benchmarks/target/classes:$(cat benchmarks/target/benchmarks.classpath)"
out=benchmarks/target/results
mkdir -p "$out"

java -cp "$cp" io.github.hfcontacts.bench.BenchServer > "$out/server.out" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q '^port=' "$out/server.out" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's/^port=//p' "$out/server.out")
if [[ -z "$port" ]]; then
  echo "the benchmark server printed no port=... line in 10 s; its output ($out/server.out):" >&2
  cat "$out/server.out" >&2
  exit 1
fi
api="http://127.0.0.1:${port}/api/1.1/json/"
echo "server on $api (pid $server_pid)"

if $quick; then
  jmh_opts=(-wi 1 -w 1s -i 2 -r 1s -f 1)
  rounds=4; slice=100
else
  jmh_opts=()
  rounds=21; slice=300
fi

java -cp "$cp" org.openjdk.jmh.Main 'io.github.hfcontacts.bench.ClientBenchmark' -prof gc \
  -jvmArgsAppend "-Dbench.apiBase=$api" "${jmh_opts[@]}" -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
java -cp "$cp" io.github.hfcontacts.bench.JmhReport "$out/jmh.json" "$out/jmh.md"

for run in 1 2; do
  java -cp "$cp" io.github.hfcontacts.bench.Interleaved "$api" "$rounds" "$slice" "$out/interleaved-$run.md"
done

java -XX:+UseSerialGC -Djol.magicFieldOffset=true -cp "$cp" io.github.hfcontacts.bench.RetainedHeap "$out/heap.md"

{
  echo "# Benchmark results"
  echo
  echo "## Interleaved run 1"; echo; cat "$out/interleaved-1.md"; echo
  echo "## Interleaved run 2"; echo; cat "$out/interleaved-2.md"; echo
  echo "## JMH"; echo; cat "$out/jmh.md"; echo
  echo "## Retained heap"; echo; cat "$out/heap.md"
} > "$out/results.md"
echo "wrote $out/results.md"
