#!/usr/bin/env bash
# Daily snapshots at national size (issue 14). Prints its figures; asserts nothing.
#  1. the national database of bench/report-national.sh: REUSE=<the directory KEEP=1 left> or,
#     without it, that bench is run first with KEEP=1 (PEOPLE, default 20,000,000 residents;
#     PARTICIPANTS, default 10,000,000, spread over the consultation's first three days)
#  2. starts the server as shipped on it (readers and the snapshot schedule off: the figures are
#     already counted, and the bench takes the snapshots itself)
#  3. takes the COMMUNE level's snapshot of the latest day whose 15:00 cut-off has passed with
#     `ykien daily snapshot` (every commune and village of the nation, each row signed): the time
#     inside the snapshot's transaction, and the command's wall time (JVM start included)
#  4. opens REPEAT random units' snapshots: the database read (pgbench, one client) and the public
#     check page over HTTP (curl, one at a time), p50 and p95
#  5. signs in as the national administrator and downloads Hà Nội's PROVINCE report of that day
#     as PDF and DOCX (the first request also takes the PROVINCE level's snapshot): times
# Not measured here: an XLSX of every commune (not built yet).
# Last line: national_snapshot_seconds=<s> unit_snapshot_p95_ms=<ms>
set -euo pipefail
trap 'echo "bench/daily-snapshot.sh: failed at line $LINENO" >&2' ERR
here="$(cd "$(dirname "$0")/.." && pwd)"
repeat="${REPEAT:-200}"
port="${PORT:-18081}"
dbport="${DB_PORT:-15433}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
work="${REUSE:-}"
if [[ -z "$work" ]]; then
  KEEP=1 "$here/bench/report-national.sh" | tee /tmp/daily-snapshot-national.log
  work="$(sed -n 's/^kept //p' /tmp/daily-snapshot-national.log | tail -1)"
fi
[[ -d "$work/data" ]] || { echo "no national database in '$work'"; exit 1; }
(cd "$here" && ./mvnw -q -B -DskipTests package)
cp "$here/target/ykien-0.1.0-SNAPSHOT.jar" "$work/ykien.jar"
jar="$work/ykien.jar"
export YKIEN_DATA_DIR="$work/data"
export YKIEN_SHARED_DATA="$here/../shared/data"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  psql -X -q -h localhost -p "$dbport" -U postgres -d postgres -c "drop table if exists public.bench_units" 2>/dev/null || true
  echo "kept $work"
}
trap cleanup EXIT
sql() { psql -X -q -t -A -h localhost -p "$dbport" -U postgres -d postgres -c "$1"; }
seconds() { date +%s.%N; }
cli() { "$java" -Xmx2g -Dykien.database.embedded.port="$dbport" -jar "$jar" "$@"; }

"$java" -Xmx1g -jar "$jar" --server.port="$port" --ykien.database.embedded.port="$dbport" --logging.level.root=warn \
  --ykien.results.release-at-start=false --ykien.readers.enabled=false --ykien.daily.schedule=false > "$work/daily-server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://localhost:$port/" && break; sleep 0.5; done
consultation="$(sql "select id from consultation.consultation where slug = 'hien-phap-2025'")"
day="$(sql "select ((now() at time zone 'Asia/Ho_Chi_Minh') - interval '15 hours 1 minute')::date")"
echo "participants: $(sql "select count(*) from opinion.participation where consultation_id = $consultation"); log rows: $(sql "select count(*) from opinion.participation_log where consultation_id = $consultation"); snapshot day $day"

# 3. The national snapshot of the communes (and their villages). Snapshots are never changed; on
# this bench database only, any taken before (by an earlier run) are cleared so that one is timed.
sql "truncate daily.snapshot_unit, daily.snapshot, daily.report, daily.reminder cascade" > /dev/null
t0=$(seconds)
cli daily snapshot --consultation hien-phap-2025 --level COMMUNE --day "$day" --lang en | tee "$work/daily-snapshot.log"
t1=$(seconds)
inside_ms="$(grep -o '[0-9,.]* ms' "$work/daily-snapshot.log" | tail -1 | tr -d ',. ms' || echo 0)"
snapshot="$(sql "select id from daily.snapshot where consultation_id = $consultation and level = 'COMMUNE' and day = '$day'")"
units="$(sql "select units from daily.snapshot where id = $snapshot")"
counted="$(sql "select (figures)[1] from daily.snapshot_unit s join units.unit u on u.id = s.unit_id where s.snapshot_id = $snapshot and u.kind = 'COMMUNE'" | awk '{s+=$1} END {print s}')"
wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')"
national="$(awk -v m="$inside_ms" 'BEGIN{printf "%.1f", m/1000}')"
echo "national snapshot (COMMUNE level, $day): $units units, $counted people in its communes; ${national} s in its transaction, ${wall} s for the command"

# 4. Opening any unit's snapshot.
# Fresh statistics for the tables just truncated and filled (autovacuum has not seen them yet).
sql "analyze daily.snapshot_unit; analyze daily.snapshot" > /dev/null
sql "drop table if exists public.bench_units; create table public.bench_units as select row_number() over () as n, unit_id, code from daily.snapshot_unit where snapshot_id = $snapshot order by random()" > /dev/null
count="$(sql "select count(*) from public.bench_units")"
cat > "$work/unit.sql" <<SQL
\set r random(1, $count)
select u.eligible_at_opening, u.figures, u.code from daily.snapshot_unit u join public.bench_units b on b.unit_id = u.unit_id where b.n = :r and u.snapshot_id = $snapshot;
SQL
rm -f "$work"/pgbench_log.*
(cd "$work" && pgbench -n -h localhost -p "$dbport" -U postgres -c 1 -t "$repeat" -f unit.sql -l postgres > /dev/null 2>&1)
read -r db50 db95 <<< "$(cat "$work"/pgbench_log.* | awk '{print $3/1000}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f %.2f", a[int(NR*0.5)], a[int(NR*0.95)]}')"
codes=()
while read -r code; do codes+=("$code"); done < <(sql "select code from public.bench_units order by n limit $repeat")
for code in "${codes[@]:0:20}"; do curl -fs -o /dev/null "http://localhost:$port/check/snapshots/$code"; done
: > "$work/check-times.txt"
for code in "${codes[@]}"; do
  curl -fs -o /dev/null -w '%{time_total}\n' "http://localhost:$port/check/snapshots/$code" >> "$work/check-times.txt"
done
read -r web50 web95 <<< "$(awk '{print $1*1000}' "$work/check-times.txt" | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f", a[int(NR*0.5)], a[int(NR*0.95)]}')"
echo "a unit's snapshot, $repeat random units: database read p50 ${db50} ms, p95 ${db95} ms; public check page p50 ${web50} ms, p95 ${web95} ms"

# 5. Hà Nội's report as PDF and DOCX.
jar_cookies="$work/cookies.txt"
rm -f "$jar_cookies"
csrf="$(curl -fs -c "$jar_cookies" "http://localhost:$port/officials/sign-in" | sed -n 's/.*name="_csrf" *value="\([^"]*\)".*/\1/p' | head -1)"
curl -fs -b "$jar_cookies" -c "$jar_cookies" -o /dev/null -X POST "http://localhost:$port/officials/sign-in" \
  --data-urlencode "username=quantri.quocgia" --data-urlencode "password=giaothuy-2025" --data-urlencode "code=" --data-urlencode "_csrf=$csrf"
hanoi="$(sql "select code from units.unit where edition = '2026-07' and kind = 'PROVINCE' and name_vi like '%Hà Nội%' limit 1")"
: > "$work/documents.txt"
for kind in pdf docx pdf docx; do
  curl -fs -b "$jar_cookies" -o "$work/hanoi.$kind" -w "$kind %{http_code} %{time_total}\n" \
    "http://localhost:$port/officials/units/2026-07/$hanoi/daily.$kind?consultation=hien-phap-2025&day=$day" >> "$work/documents.txt"
done
awk '{printf "province report (Hà Nội, its communes in a table) %s: HTTP %s in %.2f s\n", $1, $2, $3}' "$work/documents.txt"
echo "(the first PDF request also took the PROVINCE level's snapshot)"
ls -l "$work/hanoi.pdf" "$work/hanoi.docx" | awk '{print $9": "$5" bytes"}'
for kind in pdf docx; do
  curl -fs -b "$jar_cookies" -o "$work/hanoi-final.$kind" -w "%{http_code} %{time_total}\n" \
    "http://localhost:$port/officials/units/2026-07/$hanoi/final-report.$kind?consultation=hien-phap-2025" \
    | awk -v k="$kind" '{printf "final report (Hà Nội) %s: HTTP %s in %.2f s\n", k, $1, $2}'
done

# 6. Every unit of the communes' snapshot as XLSX (the nation: every commune and village of the
# country), against one province's (a hundred communes), with the server's heap sampled every
# 50 ms while each is written (jstat: eden + old generation in use); streamed in constant memory,
# the two peaks should be alike.
jstat_bin="$(dirname "$java")/jstat"
xlsx_timed() { # $1: name, $2: unit code
  "$jstat_bin" -gc "$server" 50 > "$work/jstat-$1.txt" 2>/dev/null &
  local sampler=$!
  sleep 0.3
  curl -fs -b "$jar_cookies" -o "$work/$1.xlsx" -w "%{http_code} %{time_total} %{size_download}\n" \
    "http://localhost:$port/officials/units/2026-07/$2/daily.xlsx?consultation=hien-phap-2025&day=$day&level=COMMUNE" > "$work/xlsx-$1.txt"
  sleep 0.3
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  local peak
  peak="$(awk 'NR > 1 && $6 ~ /^[0-9.]+$/ { used = $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$work/jstat-$1.txt")"
  awk -v name="$1" -v peak="$peak" '{printf "xlsx %s: HTTP %s in %.2f s, %d bytes; server heap in use at most %s MB while written\n", name, $1, $2, $3, peak}' "$work/xlsx-$1.txt"
}
xlsx_timed province "$hanoi"
xlsx_timed nation VN
xlsx_timed province-again "$hanoi"
echo "national_snapshot_seconds=$national unit_snapshot_p95_ms=$web95"
