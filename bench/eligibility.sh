#!/usr/bin/env bash
# Eligibility check benchmark (issue 3). Prints its figures; asserts nothing.
#  1. a fresh embedded PostgreSQL (fsync on) with the 2026-07 units
#  2. PEOPLE residents (default 10,000,000) generated straight into the registry, over the
#     communes of Hanoi and Ho Chi Minh City
#  3. `ykien consultation eligibility --sample N` in one JVM: N residents picked at random
#     (Bernoulli sample over the whole table), each checked with the same Eligibility.decide the
#     pages and the API use (registry lookup by personal id, unit lookups for a scoped
#     consultation), each call timed on its own after a warm-up. Run twice: a consultation for
#     the whole country, and one limited to Hanoi (scope check on every call).
# Set DATA=dir to keep (or reuse) the generated registry between runs.
set -euo pipefail
trap 'echo "bench/eligibility.sh: failed at line $LINENO" >&2' ERR
here="$(cd "$(dirname "$0")/.." && pwd)"
people="${PEOPLE:-10000000}"
checks="${CHECKS:-100000}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
if [[ -n "${DATA:-}" ]]; then
  work="$DATA"; mkdir -p "$work"
else
  work="$(mktemp -d /tmp/ykien-bench-eligibility.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
fi
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
ykien() { "$java" -Xmx512m -jar "$jar" "$@"; }
if [[ ! -f "$work/generated" ]]; then
  ykien units import "$here/../shared/data/units/vn-units-2026-07.json" --edition 2026-07 > /dev/null
  ykien registry generate --units 01,79 --people "$people" --seed 2025 --lang en
  touch "$work/generated"
fi
echo "--- consultation for the whole country"
ykien consultation eligibility --sample "$checks" --lang en
echo "--- consultation limited to Hanoi (01)"
ykien consultation eligibility --sample "$checks" --scope 01 --lang en
