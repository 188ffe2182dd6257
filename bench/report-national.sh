#!/usr/bin/env bash
# National reports from the tallies (issue 11). Prints its figures; asserts nothing.
#  1. starts the platform once as shipped (demo profile: the 2025 consultation, 9 items, open to
#     the whole country) on a fresh embedded PostgreSQL, then stops it; the rest uses its database
#  2. generates PEOPLE residents (default 20,000,000) over every commune of the country
#     (`ykien registry generate --units VN`)
#  3. writes PARTICIPANTS opinions (default 10,000,000) straight into the database, set-based: a
#     participation row, nine answers (answer_revision) and a log row each, as the API path writes
#     them (pseudonyms are random here: the bench has no key), spread over channels, stances and
#     the residents' own groups
#  4. builds the tallies and denominators with `ykien reporting recount` (the same deltas the tally
#     reader applies give the same cells: TalliesMatchARecountTests)
#  5. times, with pgbench (one client, each page REPEAT times, per-transaction latency log), the
#     statements each page runs: the national participation page (the nation and its 34 provinces),
#     a province page, a random commune page (a different one each time), the stance table of
#     one item nationally by age band, and the officials' dashboard's per-day and per-group counts
#     of the nation and of a province (kept a minute on the page, timed here uncached); then the same figures by a plain GROUP BY over the raw rows
#     (participation joined to units, the registry counted for the denominator, answers joined to
#     the log for the group), as a page without tallies would compute them
#  6. writes comment tallies derived from the answer tallies (COMMENT_EVERY, default one answer in
#     10 commented), then publishes a release of the results (`ykien results release`: every item's
#     national table of units from commune up × groups × stances, and every item's comment table per
#     comment stance, protected by complementary suppression) and prints its time and share of
#     hidden cells; then, after 100 warm-up requests of each address, times over
#     HTTP (curl, REPEAT requests each, one at a time, to the running server) the public results JSON
#     of the nation, the national results page and a province's (Hà Nội, ~100 communes), p50 and p95
# With KEEP=1 the database is kept; REUSE=<that directory> then runs step 6 alone again, with the
# code as it is now (previous releases cleared), to measure a change to releases without the hour
# of generating and counting.
# Last line: ratio_vs_groupby=<group-by p50 ÷ tallies p50, national page>
set -euo pipefail
trap 'echo "bench/report-national.sh: failed at line $LINENO" >&2' ERR
here="$(cd "$(dirname "$0")/.." && pwd)"
people="${PEOPLE:-20000000}"
participants="${PARTICIPANTS:-10000000}"
repeat="${REPEAT:-200}"
repeat_groupby="${REPEAT_GROUPBY:-5}"
port="${PORT:-18081}"
dbport="${DB_PORT:-15433}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
# REUSE=<a directory KEEP=1 left>: only step 6 again, with the code as it is now, on that database.
reuse="${REUSE:-}"
work="${reuse:-$(mktemp -d /tmp/ykien-bench-report.XXXXXX)}"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [[ -z "${KEEP:-}" && -z "$reuse" ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT
(cd "$here" && ./mvnw -q -B -DskipTests package)
cp "$here/target/ykien-0.1.0-SNAPSHOT.jar" "$work/ykien.jar"
jar="$work/ykien.jar"
export YKIEN_DATA_DIR="$work/data"
export YKIEN_SHARED_DATA="$here/../shared/data"
# The daily snapshots' schedule off: bench/daily-snapshot.sh times them; here they would run beside the timed pages.
settings=(--server.port="$port" --ykien.database.embedded.port="$dbport" --logging.level.root=warn --ykien.results.release-at-start=false
  --ykien.daily.schedule=false)
sql() { psql -X -q -t -A -h localhost -p "$dbport" -U postgres -d postgres -c "$1"; }
seconds() { date +%s.%N; }
# Properties go to the JVM: a first argument that starts with -- would start the server instead.
cli() { "$java" -Xmx2g -Dykien.database.embedded.port="$dbport" -jar "$jar" "$@"; }

if [[ -z "$reuse" ]]; then

"$java" -Xmx1g -jar "$jar" "${settings[@]}" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://localhost:$port/" && break; sleep 0.5; done
# The demo loads (its prior participants come last) and its opinions are counted, then the server
# stops: the rest works on its database directly.
for _ in $(seq 1 240); do
  [[ "$(sql "select count(*) from opinion.participation" 2>/dev/null || echo 0)" -gt 0 ]] && break
  sleep 0.5
done
sleep 5
kill "$server"; wait "$server" 2>/dev/null || true; server=""

t0=$(seconds)
cli registry generate --units VN --birth-province 001 --people "$people" --seed 2026 --lang en > "$work/generate.log" 2>&1 \
  || { echo "registry generate failed:"; tail -20 "$work/generate.log"; exit 1; }
t1=$(seconds)
echo "registry: $people residents generated in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}') s"

# The server's embedded PostgreSQL is started again by the command line and kept for psql here.
"$java" -Xmx1g -jar "$jar" "${settings[@]}" --ykien.readers.enabled=false > "$work/server2.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://localhost:$port/" && break; sleep 0.5; done
consultation="$(sql "select id from consultation.consultation where slug = 'hien-phap-2025'")"
item1="$(sql "select min(id) from consultation.item where consultation_id = $consultation")"
opening="$(sql "select (opens_at at time zone 'Asia/Ho_Chi_Minh')::date from consultation.consultation where id = $consultation")"

t0=$(seconds)
psql -X -q -h localhost -p "$dbport" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
set work_mem = '512MB';
set maintenance_work_mem = '1GB';
create temp table chosen on commit preserve rows as
select r.citizen_id, r.unit_id, r.sex, r.occupation, r.memberships, r.birth_date,
       decode(md5(r.citizen_id || 'a') || md5(r.citizen_id || 'b'), 'hex') as pseudonym,
       case when h < 0.80 then 'SELF' when h < 0.95 then 'ASSISTED' else 'PAPER' end as channel,
       date '$opening' + (abs(hashtext(r.citizen_id)) % 3) as day
from (select *, (abs(hashtext(citizen_id || 'c')) % 1000) / 1000.0 as h from registry.resident
      where eid_state = 'ACTIVATED' and eid_level = 2 and birth_date <= date '$opening' - interval '14 years') r
where not exists (select 1 from opinion.participation p where p.consultation_id = $consultation and p.citizen_id = r.citizen_id)
limit $participants;
insert into opinion.participation (consultation_id, citizen_id, unit_id, channel, first_submitted_at, last_submitted_at, receipt_number)
select $consultation, citizen_id, unit_id, channel, day + time '09:00', day + time '09:00', 'YK-G-' || citizen_id from chosen;
-- As the API path writes them: the participation log (lowest unit, hour, no pseudonym) and the
-- opinion log (the commune, the day, the pseudonym).
create temp table logged on commit preserve rows as
select c.*, case when u.kind = 'VILLAGE' then u.parent_id else u.id end as commune_id,
       case when a < 18 then 'UNDER_18' when a <= 34 then 'FROM_18_TO_34' when a <= 44 then 'FROM_35_TO_44'
            when a <= 60 then 'FROM_45_TO_60' else 'OVER_60' end as age_band,
       (select coalesce(sum(1 << (array_position(array['COMMUNE_STAFF','PARTY','YOUTH_UNION','WOMEN_UNION','VETERANS',
          'FARMERS_UNION','FATHERLAND_FRONT','TRADE_UNION'], m) - 1)), 0) from unnest(c.memberships) m)::int as bits
from (select *, extract(year from age(date '$opening', birth_date))::int as a from chosen) c
join units.unit u on u.id = c.unit_id;
insert into opinion.participation_log (consultation_id, citizen_id, seq, withdrawn, unit_id, channel, age_band, sex,
  occupation, memberships, first_day, day, hour)
select $consultation, citizen_id, 1, false, unit_id, channel, age_band, sex, occupation, bits, day, day, day + time '09:00'
from logged;
insert into opinion.change_log (consultation_id, pseudonym, revision, withdrawn, unit_id, channel, age_band, sex, occupation,
  memberships, first_day, day)
select $consultation, pseudonym, 1, false, commune_id, channel, age_band, sex, occupation, bits, day, day
from logged;
insert into opinion.answer_revision (consultation_id, pseudonym, item_id, revision, stance, comment, submitted_on)
select $consultation, pseudonym, $item1 + k, 1,
       case when (abs(hashtext(citizen_id || k)) % 10000) < 9990 then 'APPROVE'
            when (abs(hashtext(citizen_id || k)) % 2) = 0 then 'DISAPPROVE' else 'PARTLY' end,
       case when (abs(hashtext(citizen_id || k)) % 10000) >= 9990 then 'Góp ý' end, day
from chosen cross join generate_series(0, 8) k;
analyze opinion.participation; analyze opinion.participation_log; analyze opinion.change_log; analyze opinion.answer_revision;
-- The readers stand at their log's head: the recount below counts every change up to the tally
-- readers' positions (what the readers would have applied one batch at a time).
insert into reporting.log_position (reader, xid, id)
select 'reporting.participation', xid, id from opinion.participation_log order by xid desc, id desc limit 1
on conflict (reader) do update set xid = excluded.xid, id = excluded.id;
insert into reporting.log_position (reader, xid, id)
select 'reporting.tallies', xid, id from opinion.change_log order by xid desc, id desc limit 1
on conflict (reader) do update set xid = excluded.xid, id = excluded.id;
update classification.log_position set (xid, id) = (select xid, id from opinion.change_log order by xid desc, id desc limit 1);
SQL
t1=$(seconds)
echo "opinions: $(sql "select count(*) from opinion.participation where consultation_id = $consultation") participants, $(sql "select count(*) from opinion.answer_revision where consultation_id = $consultation") answers written in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}') s"
kill "$server"; wait "$server" 2>/dev/null || true; server=""

t0=$(seconds)
cli reporting recount --consultation hien-phap-2025 --lang en | tee "$work/recount.txt"
t1=$(seconds)
echo "recount and denominators: $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}') s"

"$java" -Xmx1g -jar "$jar" "${settings[@]}" --ykien.readers.enabled=false > "$work/server3.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://localhost:$port/" && break; sleep 0.5; done
sql "vacuum analyze" > /dev/null
nation="$(sql "select id from units.unit where edition = '2026-07' and code = 'VN'")"
province="$(sql "select id from units.unit where edition = '2026-07' and kind = 'PROVINCE' and code = '01'")"
communes="$(sql "select count(*) from units.unit where edition = '2026-07' and kind = 'COMMUNE'")"
sql "create schema if not exists bench; drop table if exists bench.commune;
     create table bench.commune as select row_number() over () as n, id, path from units.unit
       where edition = '2026-07' and kind = 'COMMUNE'; alter table bench.commune add primary key (n);" > /dev/null
echo "tallies: $(sql "select count(*) from reporting.participation_count") participation cells, $(sql "select count(*) from reporting.answer_count") answer cells; $communes communes"

# One page = the statements ParticipationReport runs for a unit and its children.
page_sql() { # $1: how the unit id is given
  cat <<SQL
select taken_at, eligible from consultation.eligibility_snapshot where consultation_id = $consultation;
select id, edition, code, parent_id, kind from units.unit where parent_id = $1 order by code;
select unit_id, channel, people from reporting.participation_total where consultation_id = $consultation
  and unit_id = any(array(select $1 union all select id from units.unit where parent_id = $1));
select unit_id, at_opening, now from reporting.eligible_count where consultation_id = $consultation
  and unit_id = any(array(select $1 union all select id from units.unit where parent_id = $1));
SQL
}
groupby_sql() { # $1: the unit's path prefix; $2: the depth of its children in the path
  cat <<SQL
select split_part(u.path, '/', $2) as child, p.channel, count(*) from opinion.participation p
  join units.unit u on u.id = p.unit_id where p.consultation_id = $consultation and u.path like $1 || '%'
  group by 1, 2;
select split_part(u.path, '/', $2) as child, count(*) from registry.resident r join units.unit u on u.id = r.unit_id
  where u.path like $1 || '%' and r.eid_state = 'ACTIVATED' and r.eid_level = 2
    and r.birth_date <= date '$opening' - interval '14 years'
  group by 1;
SQL
}
{ echo "BEGIN;"; page_sql "$nation"; echo "END;"; } > "$work/national.sql"
{ echo "BEGIN;"; page_sql "$province"; echo "END;"; } > "$work/province.sql"
{ echo "\\set n random(1, $communes)"; echo "BEGIN;"; page_sql "(select id from bench.commune where n = :n)"; echo "END;"; } > "$work/commune.sql"
cat > "$work/stance.sql" <<SQL
select age_band, stance, sum(answers) from reporting.answer_count
where consultation_id = $consultation and unit_id = $nation and item_id = $item1 group by age_band, stance;
SQL
# The officials' dashboard's per-day and per-group counts of a unit (ParticipationReport.detail, kept
# a minute on the page): both statements as the page runs them when nothing is kept.
detail_sql() { # $1: the unit id
  cat <<SQL
select day, channel, sum(people) from reporting.participation_count
where consultation_id = $consultation and unit_id = $1 group by day, channel;
select age_band, sex, occupation, memberships, channel, sum(people) from reporting.participation_count
where consultation_id = $consultation and unit_id = $1 group by age_band, sex, occupation, memberships, channel;
SQL
}
{ echo "BEGIN;"; detail_sql "$nation"; echo "END;"; } > "$work/detail-national.sql"
{ echo "BEGIN;"; detail_sql "$province"; echo "END;"; } > "$work/detail-province.sql"
nation_path="$(sql "select path from units.unit where id = $nation")"
province_path="$(sql "select path from units.unit where id = $province")"
depth() { awk -F/ '{print NF}' <<< "$1"; }
{ groupby_sql "'$nation_path'" "$(depth "$nation_path")"; } > "$work/national-groupby.sql"
{ groupby_sql "'$province_path'" "$(depth "$province_path")"; } > "$work/province-groupby.sql"
{ echo "\\set n random(1, $communes)"; groupby_sql "(select path from bench.commune where n = :n)" "$(( $(depth "$province_path") + 1 ))"; } > "$work/commune-groupby.sql"
cat > "$work/stance-groupby.sql" <<SQL
select l.age_band, r.stance, count(*) from opinion.answer_revision r
join opinion.change_log l on l.consultation_id = r.consultation_id and l.pseudonym = r.pseudonym and l.revision = r.revision
where r.consultation_id = $consultation and r.item_id = $item1 and not l.withdrawn
group by 1, 2;
SQL

# p50 and p95 in ms from pgbench's per-transaction log (third column: latency in µs).
timed() { # $1: name, $2: script, $3: transactions
  rm -f "$work"/pgbench_log.*
  (cd "$work" && pgbench -n -h localhost -p "$dbport" -U postgres -c 1 -t "$3" -l -f "$2" postgres > /dev/null 2>&1)
  cat "$work"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk -v name="$1" '
    { v[NR] = $1 } END { printf "%s: p50=%.1f ms p95=%.1f ms (%d runs)\n", name, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], NR }'
}
echo "--- from the tallies ($repeat runs each)"
timed national "$work/national.sql" "$repeat" | tee "$work/national.txt"
timed province "$work/province.sql" "$repeat"
timed commune "$work/commune.sql" "$repeat"
timed stance_by_age_national "$work/stance.sql" "$repeat"
timed dashboard_per_day_and_group_national "$work/detail-national.sql" "$repeat"
timed dashboard_per_day_and_group_province "$work/detail-province.sql" "$repeat"
echo "--- by a plain GROUP BY over the raw rows ($repeat_groupby runs each)"
timed national_groupby "$work/national-groupby.sql" "$repeat_groupby" | tee "$work/national-groupby.txt"
timed province_groupby "$work/province-groupby.sql" "$repeat_groupby"
timed commune_groupby "$work/commune-groupby.sql" "$repeat_groupby"
timed stance_by_age_national_groupby "$work/stance-groupby.sql" "$repeat_groupby"
else
  "$java" -Xmx1g -jar "$jar" "${settings[@]}" --ykien.readers.enabled=false > "$work/server4.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -fs -o /dev/null "http://localhost:$port/" && break; sleep 0.5; done
  consultation="$(sql "select id from consultation.consultation where slug = 'hien-phap-2025'")"
  item1="$(sql "select min(id) from consultation.item where consultation_id = $consultation")"
  echo "reusing $work: $(sql "select count(*) from opinion.participation where consultation_id = $consultation") participants"
  sql "delete from results.unit_item; delete from results.unit_comment; delete from results.unit_theme; delete from results.release" > /dev/null
fi
echo "--- results"
# Comment tallies made from the answer tallies (the bench writes no comment texts, so no themes or
# campaigns either): one in COMMENT_EVERY people answering each item in each commune cell (default
# 10) commented on it; of those, 50 % supported the text, 30 % suggested a change, 10 % opposed it,
# 7 % neither and the rest (~3 %) wrote nothing readable (comments carry more dissent than the 99.9 % approving
# answers); everyone who commented at all is the first item's commenters, one in 20 of them wrote only outside the draft. Fractions are
# rounded at random (expectation kept, setseed for a repeatable run); rolled up to every unit above,
# as the comment reader does.
every="${COMMENT_EVERY:-10}"
# They replace the demo's few classified comments (the release reads these tallies only).
sql "delete from classification.comment_count where consultation_id = $consultation"
sql "
select setseed(0.2025);
with communes as (
  select a.unit_id, a.item_id, a.age_band, a.sex, a.occupation,
         floor(sum(a.answers)::numeric / $every + random())::bigint as people
  from reporting.answer_count a join units.unit u on u.id = a.unit_id and u.kind = 'COMMUNE'
  where a.consultation_id = $consultation
  group by 1, 2, 3, 4, 5),
split as (
  select c.unit_id, c.item_id, c.age_band, c.sex, c.occupation, c.people, s.stance, s.took
  from communes c cross join lateral (
    with recursive shares(n, stance, share) as (
      values (1, 'SUPPORT', 0.50), (2, 'SUGGEST', 0.30), (3, 'OPPOSE', 0.10), (4, 'NEUTRAL', 0.07), (5, 'UNCLEAR', 0.03)),
    dealt(n, stance, took, left_over) as (
      select 0, ''::text, 0::bigint, c.people
      union all
      select s.n, s.stance, x.took, d.left_over - x.took
      from dealt d join shares s on s.n = d.n + 1
      cross join lateral (
        select case when s.n = 5 then d.left_over
                    else least(d.left_over, floor(c.people * s.share + random())::bigint) end as took) x)
    select stance, took from dealt where n > 0) s
  where c.people > 0),
said as (
  select unit_id, item_id, 'ALL' as stance, age_band, sex, occupation, people from split where stance = 'SUPPORT'
  union all select unit_id, item_id, stance, age_band, sex, occupation, took from split where took > 0),
flags as (
  select unit_id, 0::bigint as item_id, 'ALL' as stance, age_band, sex, occupation, people from said
  where stance = 'ALL' and item_id = $item1
  union all
  select unit_id, 0, 'OUTSIDE', age_band, sex, occupation, floor(people::numeric / 20 + random())::bigint from said
  where stance = 'ALL' and item_id = $item1)
insert into classification.comment_count
select $consultation, anc.id, max(anc.parent_id), m.item_id, m.stance, m.age_band, m.sex, m.occupation, sum(m.people)
from (select * from said union all select * from flags where people > 0) m
join units.unit c on c.id = m.unit_id
cross join lateral (
  select a.id::bigint as id, lag(a.id::bigint) over (order by a.n) as parent_id
  from unnest(string_to_array(trim(both '/' from c.path), '/')) with ordinality a(id, n)) anc
group by anc.id, m.item_id, m.stance, m.age_band, m.sex, m.occupation"
echo "comments: $(sql "select sum(people) from classification.comment_count c join units.unit u on u.id = c.unit_id and u.kind = 'NATION' where c.consultation_id = $consultation and c.item_id = 0 and c.stance = 'ALL'") people commenting (tallies only)"
t0=$(seconds)
cli results release --consultation hien-phap-2025 --lang en | tee "$work/release.txt"
t1=$(seconds)
echo "release (command, start included): $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}') s"
# The headline: each item's split of everyone in the nation and in each province, hidden or not
# (shown[2..4]: approve, disapprove, partly of the everyone row; -1 hidden).
sql "select 'hidden in the nation (items): approve=' || count(*) filter (where shown[2] < 0) || ' disapprove=' || count(*) filter (where shown[3] < 0)
       || ' partly=' || count(*) filter (where shown[4] < 0) || ' of ' || count(*)
     from results.unit_item r join units.unit u on u.id = r.unit_id and u.kind = 'NATION' where r.consultation_id = $consultation"
sql "select 'hidden in the provinces (province x item): approve=' || count(*) filter (where shown[2] < 0) || ' disapprove=' || count(*) filter (where shown[3] < 0)
       || ' partly=' || count(*) filter (where shown[4] < 0) || ' of ' || count(*)
     from results.unit_item r join units.unit u on u.id = r.unit_id and u.kind = 'PROVINCE' where r.consultation_id = $consultation"
sql "select 'hidden in the nation, comment stances of everyone (item x stance): ' || sum((shown[2] < 0)::int + (shown[3] < 0)::int + (shown[4] < 0)::int + (shown[5] < 0)::int + (shown[6] < 0)::int) || ' of ' || 5 * count(*)
     from results.unit_comment r join units.unit u on u.id = r.unit_id and u.kind = 'NATION' where r.consultation_id = $consultation and r.stance = 'ALL'"
sql "select 'hidden in the communes (commune x item): approve=' || count(*) filter (where shown[2] < 0) || ' of ' || count(*)
     from results.unit_item r join units.unit u on u.id = r.unit_id and u.kind = 'COMMUNE' where r.consultation_id = $consultation"
http_timed() { # $1: name, $2: url
  for _ in $(seq 1 "$repeat"); do curl -s -o /dev/null -w '%{time_total}\n' "$2"; done | awk '{print $1 * 1000}' | sort -n \
    | awk -v name="$1" '{ v[NR] = $1 } END { printf "%s: p50=%.1f ms p95=%.1f ms (%d requests)\n", name, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], NR }'
}
# Warm-up: 100 requests of each address before the timed ones: the figures are the steady state of a
# running server (the first requests after a start compile templates, expressions and code).
for u in "api/v1/consultations/$consultation/results" "results/hien-phap-2025" "results/hien-phap-2025?unit=01"; do
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://localhost:$port/$u"; done
done
http_timed public_results_json "http://localhost:$port/api/v1/consultations/$consultation/results"
http_timed public_results_page "http://localhost:$port/results/hien-phap-2025"
http_timed public_results_page_province "http://localhost:$port/results/hien-phap-2025?unit=01"
t="$(grep -o 'p50=[0-9.]*' "$work/national.txt" | cut -d= -f2)"
g="$(grep -o 'p50=[0-9.]*' "$work/national-groupby.txt" | cut -d= -f2)"
awk -v g="$g" -v t="$t" 'BEGIN { printf "ratio_vs_groupby=%.0f\n", g / t }'
