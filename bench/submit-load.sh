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
#  6. pgbench with the minimal submission transaction (bench/submit-minimal.sql: one participation
#     row and nine answer rows upserted, one commit), and prints as its last line
#     ratio_vs_minimal=<peak submissions/s ÷ that tps>
# The tally and classification readers run in the server throughout (as shipped); after the peak
# their lag is printed.
# The load generator runs on the same two cores as the server and its database.
set -euo pipefail
trap 'echo "bench/submit-load.sh: failed at line $LINENO" >&2' ERR
seconds="${SECONDS_PER_RUN:-20}"
concurrency="${CONCURRENCY:-32}"
warmup="${WARMUP:-60}"
source "$(dirname "$0")/submit-common.sh"
start_server
prepare_population

echo "--- peak: $concurrency clients back to back for $seconds s"
sql "create extension if not exists pg_stat_statements" > /dev/null
before="$(sql "select count(*) from opinion.receipt")"
sql "select pg_stat_statements_reset()" > /dev/null
load --mode peak --concurrency "$concurrency" --seconds "$seconds" --warmup "$warmup" --offset 0 | tee "$work/peak.txt"
sleep 2 # the readers' lag right after the peak
echo "readers after the peak: $(sql "select string_agg(reader || ' at ' || id, ', ') from (select reader, id from reporting.log_position union all select reader, id from classification.log_position) p"), log heads: participation $(sql "select max(id) from opinion.participation_log"), opinion $(sql "select max(id) from opinion.change_log")"
stored=$(( $(sql "select count(*) from opinion.receipt") - before ))
peak="$(grep -o 'submissions_per_s=[0-9]*' "$work/peak.txt" | cut -d= -f2)"
echo "--- statements per stored submission ($stored submissions), from pg_stat_statements"
sql "select round(calls::numeric / $stored, 2) || ' x ' || round(mean_exec_time::numeric, 3) || ' ms  ' ||
            regexp_replace(query, '\s+', ' ', 'g')
     from pg_stat_statements
     where calls >= $stored * 0.5 and query !~* '^(begin|commit|rollback|set |show |select pg_stat|create extension)'
       -- the readers' statements (tallies, classification) run in their own batches, not in the submission
       and query !~* '(classification\.|reporting\.|from opinion\.change_log l|with writers as)'
       and dbid = (select oid from pg_database where datname = 'postgres')
     order by calls desc, query" | tee "$work/statements.txt"
echo "--- the readers' statements per stored submission (their own batches, off the submission)"
sql "select round(calls::numeric / $stored, 2) || ' x ' || round(mean_exec_time::numeric, 3) || ' ms  ' ||
            left(regexp_replace(query, '\s+', ' ', 'g'), 160)
     from pg_stat_statements
     where calls >= $stored * 0.05 and query ~* '(classification\.|reporting\.|from opinion\.change_log l|with writers as)'
       and dbid = (select oid from pg_database where datname = 'postgres')
     order by calls * mean_exec_time desc limit 12"
echo "--- 70 % of peak: $(( peak * 7 / 10 ))/s for $seconds s, open loop"
used="$(( $(grep -o 'requests=[0-9]*' "$work/peak.txt" | cut -d= -f2) + $(grep -o 'with [0-9]* submissions' "$work/peak.txt" | cut -d' ' -f2) + 100 ))"
load --mode rate --rate "$(( peak * 7 / 10 ))" --seconds "$seconds" --warmup 0 --offset "$(( used ))"
loaded_at="$(date +%s)"

# The baselines run on an idle database: the readers first apply what the load sent (unless the
# experiment runs them elsewhere: SERVER_ARGS="--ykien.readers.enabled=false").
readers_here=1
[[ "${SERVER_ARGS:-}" == *"ykien.readers.enabled=false"* ]] && readers_here=0
for _ in $(seq 1 $(( readers_here * 1200 ))); do
  pending="$(sql "select (select count(*) from opinion.content_inbox) + coalesce(sum(case when p.reader = 'reporting.participation' then (select count(*) from opinion.participation_log l where (l.xid, l.id) > (p.xid, p.id)) else (select count(*) from opinion.change_log l where (l.xid, l.id) > (p.xid, p.id)) end), 0) from (select reader, xid, id from reporting.log_position union all select reader, xid, id from classification.log_position) p")"
  [[ "$pending" == 0 ]] && break
  sleep 0.5
done
if (( readers_here )); then
  echo "readers caught up $(( $(date +%s) - loaded_at )) s after the 70 % run ended"
else
  echo "readers not running in this server (SERVER_ARGS): their lag is not measured here"
fi
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
  # what identifies a statement: its text up to its values (computed differently by pgbench), at most 60 characters
  if ! grep -qF -- "$(echo "$statement" | sed -E 's/values\(.*$/values(/' | cut -c1-60)" "$work/script-normalised.txt"; then
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

echo "--- pgbench: the minimal submission transaction (1 participation + 9 answers upserted, one commit), $concurrency clients"
unit="$(sql "select unit_id from registry.resident limit 1")"
# Its nine answers go to a table shaped as opinion.answer was when the issue set this baseline
# (one current row per item, upserted; the platform keeps no such copy since migration V24).
sql "drop table if exists bench.answer;
     create table bench.answer (
       consultation_id bigint not null, pseudonym bytea not null, item_id bigint not null,
       stance text not null check (stance in ('APPROVE', 'DISAPPROVE', 'PARTLY')),
       comment text check (char_length(comment) <= 5000),
       primary key (consultation_id, pseudonym, item_id));" > /dev/null
pgbench -n -h localhost -p "$dbport" -U postgres -c "$concurrency" -j 2 -T "$seconds" \
  -D consultation="$consultation" -D item1="${items%%,*}" -D unit="$unit" \
  -f "$here/bench/submit-minimal.sql" postgres 2>&1 | tee "$work/minimal.txt" | grep -E 'tps|latency|failed'
minimal="$(grep -oE 'tps = [0-9.]+' "$work/minimal.txt" | head -1 | cut -d' ' -f3)"
awk -v s="$peak" -v t="$minimal" 'BEGIN { printf "ratio_vs_minimal=%.3f\n", s / t }'
