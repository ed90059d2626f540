#!/usr/bin/env bash
# Runs a short version of every chipflow benchmark and writes bench-results/RESULTS.md.
#
# Usage (from anywhere):
#   benchmarks/run-benchmarks.sh            # short run, about 7 minutes on a 2-core machine
#   benchmarks/run-benchmarks.sh --full     # the annotations' settings (2 forks, 5+5 iterations): about an hour
#   benchmarks/run-benchmarks.sh --only hold,engine   # a subset: hold, cancel, engine, replication, model
#   benchmarks/run-benchmarks.sh --rebuild  # rebuild benchmarks.jar even if it exists
#
# Results: bench-results/*.json (raw JMH), bench-results/*.log (JMH output), bench-results/RESULTS.md (tables).
# Set BENCH_RESULTS to write elsewhere.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="benchmarks/target/benchmarks.jar"
OUT="${BENCH_RESULTS:-$ROOT/bench-results}"
ONLY="hold,cancel,engine,replication,model"
FULL=0
REBUILD=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --full) FULL=1 ;;
    --rebuild) REBUILD=1 ;;
    --only) ONLY="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

if [[ $REBUILD -eq 1 || ! -f "$JAR" ]]; then
  echo "building $JAR ..."
  mvn -q -B -DskipTests package -pl benchmarks -am
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.log

if [[ $FULL -eq 1 ]]; then
  SHORT=()
  ENGINE=()
  REPS=()
else
  # One fork, two 1 s warm-ups, three 1 s measurements: enough for ratios, not for publication.
  SHORT=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
  ENGINE=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
  REPS=(-f 1 -wi 2 -w 2s -i 3 -r 2s)
fi

wants() { [[ ",$ONLY," == *",$1,"* ]]; }

# run NAME JMH-ARGS...: one JMH invocation, JSON to $OUT/NAME.json, output to $OUT/NAME.log
run() {
  local name="$1"; shift
  echo "== $name: java -jar $JAR $*"
  if ! java -jar "$JAR" "$@" -prof gc -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1; then
    echo "   failed, see $OUT/$name.log" >&2
    FAILED=1
    return 0
  fi
  grep -E '^[A-Za-z]+Benchmark\.[A-Za-z]+ ' "$OUT/$name.log" | sed 's/^/   /' || true
}

LISTS=CHIPFLOW,CHIPFLOW_LADDER,REFERENCE,PRIORITY_QUEUE,SSJ_SPLAY,SSJ_BINARY_TREE,SSJ_RED_BLACK
CANCEL_LISTS=CHIPFLOW,CHIPFLOW_LADDER,PRIORITY_QUEUE,SSJ_SPLAY,SSJ_BINARY_TREE,SSJ_RED_BLACK
# PriorityQueue.remove(Object) is a linear scan: about 1 ms per cancellation at n = 1e6, so that pair is left out.
CANCEL_LISTS_1M=CHIPFLOW,CHIPFLOW_LADDER,SSJ_SPLAY,SSJ_BINARY_TREE,SSJ_RED_BLACK

FAILED=0
start=$(date +%s)
if wants hold; then
  run hold '\.HoldBenchmark\.' "${SHORT[@]}" -p n=1000,10000,100000,1000000 -p impl=$LISTS
  # SSJ's Henriksen list is optional; its cost grows quickly with n, so only the small sizes.
  run hold-henriksen '\.HoldBenchmark\.' "${SHORT[@]}" -p n=1000,10000 -p impl=SSJ_HENRIKSEN
fi
if wants cancel; then
  run cancel '\.HoldWithCancelBenchmark\.' "${SHORT[@]}" -p n=1000,10000,100000 -p impl=$CANCEL_LISTS
  run cancel-1m '\.HoldWithCancelBenchmark\.' "${SHORT[@]}" -p n=1000000 -p impl=$CANCEL_LISTS_1M
fi
if wants engine; then
  run engine '\.EngineBenchmark\.' "${ENGINE[@]}"
fi
if wants replication; then
  run replication '\.ReplicationBenchmark\.' "${REPS[@]}"
fi
if wants model; then
  # One replication of each named scenario (historical-2026, orders-placed, stress) of the supply model.
  run model '\.FullModelBenchmark\.' "${REPS[@]}"
fi
end=$(date +%s)

{
  echo "Machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores;" \
       "$(java -version 2>&1 | head -1)"
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(( (end - start) / 60 )) min $(( (end - start) % 60 )) s," \
       "$([[ $FULL -eq 1 ]] && echo 'full settings' || echo 'short settings (1 fork, 2-3 warm-up and 3-5 measured iterations of 1-2 s)')"
  echo
} > "$OUT/machine.txt"

shopt -s nullglob
json=("$OUT"/*.json)
if [[ ${#json[@]} -gt 0 ]]; then
  java -cp "$JAR" dev.chipflow.bench.ResultsTable "$OUT/tables.md" "${json[@]}" > /dev/null
  {
    sed -n '1,2p' "$OUT/tables.md"
    cat "$OUT/machine.txt"
    sed -n '3,$p' "$OUT/tables.md"
  } > "$OUT/RESULTS.md"
  rm -f "$OUT/tables.md"
  echo "wrote $OUT/RESULTS.md in $(( (end - start) / 60 )) min $(( (end - start) % 60 )) s"
fi
exit $FAILED
