#!/usr/bin/env bash
# Complementary suppression of the national results table (issue 13): nation + 34 provinces ×
# items × stances × breakdowns (age band, sex, occupation, channel), made-up people with the real
# run's shares. Prints the time to protect a release and the share of cells hidden; asserts nothing.
#   bench/results-suppression.sh [PARTICIPANTS] [ITEMS] [SEED] [COMMUNES_PER_PROVINCE]
# JOPTS=-Dleafgroups=true publishes the communes' group rows too (the layout before 2026-12-06).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$here"
./mvnw -q -B -DskipTests compile
"$JAVA_HOME/bin/java" ${JOPTS:-} -Xmx1g -cp target/classes bench/ResultsSuppression.java "$@"
