#!/usr/bin/env bash
# Opinion submission under load (issue 4). Prints its figures; asserts nothing.
#  1. builds the jar and starts the platform as shipped (demo profile: the 2025 constitutional
#     consultation, 9 items) on its embedded PostgreSQL, fsync and synchronous_commit on, with
#     pg_stat_statements loaded, the development e-ID provider signing with a key made here, and
#     the per-address rate limit lifted (all load comes from one loopback address)
#  2. generates PEOPLE residents (default 300,000) into the registry, then picks eligible ones
#     (level-2 e-ID, 14 or older at opening), each of whom submits once
#  3. peak: SubmitLoad.java with CONCURRENCY clients back to back for SECONDS (after WARMUP
#     seconds of the same load, not counted: a server that has run for a while has its hot paths
#     compiled; 15 s leaves it about a quarter slower): submissions/s and latency; pg_stat_statements is reset just before and read just after, and the statements
#     one submission causes (calls per stored submission) are printed
#  4. the same at 70 % of that peak, open loop (latency from each request's scheduled time)
#  5. pgbench against the same database, same clients: one transaction per submission made of the
#     statements printed in 3 (bench/submit-transaction.sql; the script checks that every
#     statement of 3 is in it), and prints ratio_vs_pgbench=<peak submissions/s ÷ pgbench tps>
# The load generator runs on the same two cores as the server and its database.
set -euo pipefail
trap 'echo "bench/submit-load.sh: failed at line $LINENO" >&2' ERR
here="$(cd "$(dirname "$0")/.." && pwd)"
people="${PEOPLE:-300000}"
seconds="${SECONDS_PER_RUN:-20}"
concurrency="${CONCURRENCY:-32}"
warmup="${WARMUP:-60}"
port="${PORT:-18080}"
dbport="${DB_PORT:-15432}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
work="$(mktemp -d /tmp/ykien-bench-submit.XXXXXX)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [[ -z "${KEEP:-}" ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

(cd "$here" && ./mvnw -q -B -DskipTests package)
jar="$here/target/ykien-0.1.0-SNAPSHOT.jar"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/eid-key.pem" 2> /dev/null
export YKIEN_DATA_DIR="$work/data"
export YKIEN_SHARED_DATA="$here/../shared/data"
settings=(
  --server.port="$port"
  --ykien.database.embedded.port="$dbport"
  --ykien.database.embedded.statement-statistics=true
  --ykien.identity.dev-provider.signing-key-file="$work/eid-key.pem"
  --ykien.api.rate-limit.per-address-per-minute=1000000000
  --logging.level.root=warn
)
"$java" -Xmx1g -jar "$jar" "${settings[@]}" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 180); do
  curl -fs -o /dev/null "http://localhost:$port/" && break
  sleep 1
done
curl -fs -o /dev/null "http://localhost:$port/" || { echo "the server did not start:"; grep -v '^\s*at ' "$work/server.log" | tail -30; exit 1; }
sql() { psql -X -q -t -A -h localhost -p "$dbport" -U postgres -d postgres -c "$1"; }

# A registry of realistic size; the running server's database is borrowed by the command.
"$java" -Xmx512m -jar "$jar" registry generate --units 01 --birth-province 001 --people "$people" --seed 2026 --lang en \
  > "$work/generate.log" 2>&1 || { echo "registry generate failed:"; grep -v '^\s*at ' "$work/generate.log" | tail -20; exit 1; }
# Let the database settle after the bulk load (statistics, dirty pages) before anything is timed.
sql "vacuum analyze" > /dev/null
sql "checkpoint" > /dev/null
consultation="$(sql "select id from consultation.consultation where slug = 'hien-phap-2025'")"
items="$(sql "select string_agg(id::text, ',' order by position) from consultation.item where consultation_id = $consultation")"
opening="$(sql "select (opens_at at time zone 'Asia/Ho_Chi_Minh')::date from consultation.consultation where id = $consultation")"
sql "select citizen_id from registry.resident r
     where eid_state = 'ACTIVATED' and eid_level = 2 and birth_date <= date '$opening' - interval '14 years'
       and not exists (select 1 from opinion.participation p where p.consultation_id = $consultation and p.citizen_id = r.citizen_id)
     order by md5(citizen_id)" > "$work/citizens.txt"
echo "registry: $(sql 'select count(*) from registry.resident') residents; $(wc -l < "$work/citizens.txt") eligible at level 2 who have not taken part"
echo "consultation $consultation, items $items; server: demo profile, fsync=$(sql 'show fsync') synchronous_commit=$(sql 'show synchronous_commit'), $(nproc) cores"

load() { "$java" -Xmx1g "$here/bench/SubmitLoad.java" --url "http://localhost:$port" --consultation "$consultation" \
  --items "$items" --key "$work/eid-key.pem" --citizens "$work/citizens.txt" "$@"; }

echo "--- peak: $concurrency clients back to back for $seconds s"
sql "create extension if not exists pg_stat_statements" > /dev/null
before="$(sql "select count(*) from opinion.receipt")"
sql "select pg_stat_statements_reset()" > /dev/null
load --mode peak --concurrency "$concurrency" --seconds "$seconds" --warmup "$warmup" --offset 0 | tee "$work/peak.txt"
sleep 2 # let the stored events of the last submissions be handled
stored=$(( $(sql "select count(*) from opinion.receipt") - before ))
peak="$(grep -o 'submissions_per_s=[0-9]*' "$work/peak.txt" | cut -d= -f2)"
echo "--- statements per stored submission ($stored submissions), from pg_stat_statements"
sql "select round(calls::numeric / $stored, 2) || ' x ' || round(mean_exec_time::numeric, 3) || ' ms  ' ||
            regexp_replace(query, '\s+', ' ', 'g')
     from pg_stat_statements
     where calls >= $stored * 0.5 and query !~* '^(begin|commit|rollback|set |show |select pg_stat|create extension)'
       and dbid = (select oid from pg_database where datname = 'postgres')
     order by calls desc, query" | tee "$work/statements.txt"
echo "--- 70 % of peak: $(( peak * 7 / 10 ))/s for $seconds s, open loop"
used="$(( $(grep -o 'requests=[0-9]*' "$work/peak.txt" | cut -d= -f2) + $(grep -o 'with [0-9]* submissions' "$work/peak.txt" | cut -d' ' -f2) + 100 ))"
load --mode rate --rate "$(( peak * 7 / 10 ))" --seconds "$seconds" --warmup 0 --offset "$(( used ))"

echo "--- pgbench: the same statements, one transaction per submission, $concurrency clients"
# Every statement the server ran (per submission) must be in the pgbench transaction.
missing=0
# Placeholders, variables, string and number literals all read as "?"; case and spacing ignored.
normalise() {
  sed -E -e "s/'[^']*'/?/g" -e 's/\$[0-9]+/?/g' -e 's/:[a-z_0-9]+/?/g' -e 's/\b[0-9]+\b/?/g' \
    -e 's/[[:space:]]+/ /g' -e 's/ ?([(),=+]) ?/\1/g' | tr 'A-Z' 'a-z'
}
normalise < "$here/bench/submit-transaction.sql" > "$work/script-normalised.txt"
while IFS= read -r line; do
  statement="$(echo "$line" | sed -E 's/^[0-9.]+ x [0-9.]+ ms  //' | normalise)"
  if ! grep -qF -- "$(echo "$statement" | cut -c1-60)" "$work/script-normalised.txt"; then
    echo "not in the pgbench transaction: $statement"; missing=$((missing + 1))
  fi
done < "$work/statements.txt"
echo "statements missing from the pgbench transaction: $missing"
sql "create schema if not exists bench; drop table if exists bench.citizen;
     create table bench.citizen as select row_number() over () as n, citizen_id from registry.resident
       where eid_state = 'ACTIVATED' and eid_level = 2;
     alter table bench.citizen add primary key (n);" > /dev/null
citizens_n="$(sql "select count(*) from bench.citizen")"
pgbench -n -h localhost -p "$dbport" -U postgres -c "$concurrency" -j 2 -T "$seconds" \
  -D consultation="$consultation" -D citizens="$citizens_n" -D item1="${items%%,*}" \
  -f "$here/bench/submit-transaction.sql" postgres 2>&1 | tee "$work/pgbench.txt" | grep -E 'tps|latency|failed'
tps="$(grep -oE 'tps = [0-9.]+' "$work/pgbench.txt" | head -1 | cut -d' ' -f3)"
awk -v s="$peak" -v t="$tps" 'BEGIN { printf "ratio_vs_pgbench=%.3f\n", s / t }'
