#!/usr/bin/env bash
# Comments classified per second per core: article mapping against the demo draft's items,
# stance (the seed model), and the near-duplicate check (MinHash signature and LSH bands), over
# real Vietnamese sentences (UIT-VSFC train, and ALQAC questions as longer comments), read where
# they lie. Then the same on every core, and the heap after GC.
#   bench/classify-throughput.sh [SECONDS] [SENTENCES_FILE]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-20}"
sentences="${2:-$here/../shared/data/eval/uit-vsfc/train/sents.txt}"
questions="$here/../shared/data/eval/alqac2023/questions-dev.json"
[[ -e "$sentences" ]] || { echo "missing: $sentences" >&2; exit 2; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$here"
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt > /dev/null
extra=()
[[ -e "$questions" ]] && extra=("$questions")
"$JAVA_HOME/bin/java" -Xmx512m -Djava.util.logging.config.file=/dev/null \
  -cp "target/classes:$(cat target/classpath.txt)" bench/ClassifyThroughput.java \
  src/main/resources/demo/draft-2025.json "$sentences" "$seconds" "${extra[@]}"
