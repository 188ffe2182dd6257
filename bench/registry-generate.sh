#!/usr/bin/env bash
# Synthetic population generator benchmark (issue 3). Prints its figures; asserts nothing.
# Generates PEOPLE residents (default 10,000,000) straight into a fresh embedded PostgreSQL
# (fsync on), spread over the communes of a province, in a JVM limited to 256 MB of heap.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
people="${PEOPLE:-10000000}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
work="$(mktemp -d /tmp/ykien-bench-generate.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export YKIEN_DATA_DIR="$work/data"
export YKIEN_PSEUDONYM_KEY="$(head -c 32 /dev/urandom | base64)"
export YKIEN_RECEIPT_KEY="$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)"
export YKIEN_AUDIT_KEY="$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)"
export YKIEN_SNAPSHOT_KEY="$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)"
export YKIEN_TOTP_KEY="$(openssl rand -base64 32)"
export YKIEN_CLASSIFICATION_KEY="$(openssl rand -base64 32)"
export YKIEN_MIXER_KEY="$(openssl genpkey -algorithm x25519 -outform DER | base64 -w0)"
export SPRING_PROFILES_ACTIVE=prod
(cd "$here" && ./mvnw -q -B -DskipTests package)
jar="$here/target/ykien-0.1.0-SNAPSHOT.jar"
"$java" -jar "$jar" units import "$here/../shared/data/units/vn-units-2026-07.json" --edition 2026-07 > /dev/null
"$java" -Xmx256m -XX:+UseSerialGC -Xlog:gc:file="$work/gc.log" -jar "$jar" \
  registry generate --units 01,79 --people "$people" --seed 2025 --lang en | tee "$work/out.txt"
# Heap after each collection: flat memory shows as a flat line, whatever the number of people.
after=$(grep -o '[0-9]*M->[0-9]*M' "$work/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)
echo "max_heap_after_gc_mb=${after:-0} (JVM limited to -Xmx256m)"
rate=$(grep -o '([0-9,]* residents per second)' "$work/out.txt" | tr -dc '0-9')
echo "rows_per_second=$rate"
