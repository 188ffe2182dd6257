#!/usr/bin/env bash
# Registry import benchmark (issue 3). Prints its figures; asserts nothing.
#  1. a fresh embedded PostgreSQL (fsync on) under a server without demo data: an empty registry
#  2. a generated 1,000,000-row CSV in the documented import format (ROWS= to change)
#  3. baseline: raw COPY of the same file into an unindexed table, with psql
#  4. ./ykien registry import of the file (timed inside the command: import only, not JVM start),
#     in a JVM limited to 512 MB of heap, which also reports its peak heap
#  5. an update file of 1 M rows (10 % of people moved) applied to a registry of 10 M residents
#     (set UPDATE=0 to skip: generating 10 M residents takes a few minutes)
# Last line: ratio_vs_copy=<copy seconds / import seconds>
set -euo pipefail
trap 'echo "bench/registry-import.sh: failed at line $LINENO" >&2' ERR
here="$(cd "$(dirname "$0")/.." && pwd)"
rows="${ROWS:-1000000}"
big="${BIG:-10000000}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
work="$(mktemp -d /tmp/ykien-bench-import.XXXXXX)"
export YKIEN_DATA_DIR="$work/data"
export YKIEN_PSEUDONYM_KEY="$(head -c 32 /dev/urandom | base64)"
export YKIEN_RECEIPT_KEY="$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)"
export YKIEN_AUDIT_KEY="$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)"
export YKIEN_SNAPSHOT_KEY="$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)"
export YKIEN_TOTP_KEY="$(openssl rand -base64 32)"
export YKIEN_CLASSIFICATION_KEY="$(openssl rand -base64 32)"
export YKIEN_MIXER_KEY="$(openssl genpkey -algorithm x25519 -outform DER | base64 -w0)"
export SPRING_PROFILES_ACTIVE=prod
command -v psql > /dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }

(cd "$here" && ./mvnw -q -B -DskipTests package)
jar="$here/target/ykien-0.1.0-SNAPSHOT.jar"
"$java" -jar "$jar" --server.port=0 > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do grep -q "running at" "$work/server.log" && break; sleep 1; done
grep -q "running at" "$work/server.log" || { tail -20 "$work/server.log" >&2; exit 1; }
port="$(sed -n 4p "$YKIEN_DATA_DIR/postgres/postmaster.pid")"
sql() { psql -X -q -t -A -h localhost -p "$port" -U postgres -d postgres "$@"; }

ykien() { "$java" -Xmx512m -jar "$jar" "$@"; }
ykien units import "$here/../shared/data/units/vn-units-2026-07.json" --edition 2026-07 > /dev/null
file="$work/residents.csv"
ykien registry sample "$file" --people "$rows" --units 37 --seed 42 --birth-province 001
echo "file: $(($(wc -l < "$file") - 1)) rows, $(du -m "$file" | cut -f1) MB"

sql -c "create table bench_copy (citizen_id text, full_name text, birth_date text, sex text,
  household_code text, household_address text, household_head text, unit_code text,
  eid_state text, eid_level text, occupation text, memberships text)"
start=$(date +%s.%N)
sql -c "\\copy bench_copy from '$file' with (format csv, header true)"
copy_seconds=$(echo "$(date +%s.%N) - $start" | bc -l)
printf 'copy_seconds=%.3f\n' "$copy_seconds"
# A second, informative floor: COPY of the same rows straight into a table shaped like the
# registry's (its primary key, indexes and checks; no foreign key), with no validation at all.
sql -c "create table bench_indexed (like registry.resident including all)"
sql -c "create table bench_indexed_raw (citizen_id text, full_name text, birth_date date, sex text,
  household_code text, household_address text, household_head text, unit_code text,
  eid_state text, eid_level smallint, occupation text, memberships text)"
sql -c "\\copy bench_indexed_raw from '$file' with (format csv, header true)"
start=$(date +%s.%N)
sql -c "insert into bench_indexed (citizen_id, full_name, birth_date, sex, unit_id, eid_state, eid_level)
        select citizen_id, full_name, birth_date, sex, 1, eid_state, eid_level from bench_indexed_raw"
printf 'insert_into_indexed_table_seconds=%.3f (informative: same rows, registry-shaped table, no validation)\n' \
  "$(echo "$(date +%s.%N) - $start" | bc -l)"
sql -c "drop table bench_indexed; drop table bench_indexed_raw; drop table bench_copy"

LOGGING_LEVEL_VN_YKIEN_REGISTRY_INTERNAL_IMPORTS=DEBUG ykien registry import "$file" --timing --lang en > "$work/import.txt" || true
grep -o "registry import: .*" "$work/import.txt" || true
grep -E "^Imported|^Nothing" "$work/import.txt"
import_seconds=$(sed -n 's/^import_seconds=//p' "$work/import.txt")
echo "import_seconds=$import_seconds"
echo "peak_heap_mb=$(sed -n 's/^peak_heap_mb=//p' "$work/import.txt") (JVM limited to -Xmx512m)"
echo "residents_in_registry=$(sql -c 'select count(*) from registry.resident')"

if [ "${UPDATE:-1}" != "0" ]; then
  start=$(date +%s.%N)
  ykien registry generate --units 37 --people "$((big - rows))" --seed 7 --birth-province 002 > "$work/generate.txt"
  echo "generated $((big - rows)) more residents in $(echo "$(date +%s.%N) - $start" | bc -l | xargs printf '%.1f') s"
  echo "residents_in_registry=$(sql -c 'select count(*) from registry.resident')"
  update="$work/update.csv"
  # The same 1 M people; every tenth moved to another commune of the province.
  sql -c "copy (
    select r.citizen_id, r.full_name, r.birth_date, r.sex, h.code as household_code,
           h.address as household_address,
           case when h.head_citizen_id = r.citizen_id then '1' else '0' end as household_head,
           case when right(r.citizen_id, 1) = '0' then m.code else u.code end as unit_code,
           r.eid_state, r.eid_level, r.occupation,
           array_to_string(r.memberships, ';') as memberships
    from registry.resident r
    join registry.household h on h.id = r.household_id
    join units.unit u on u.id = r.unit_id
    cross join lateral (select code from units.unit where parent_id = u.parent_id and code <> u.code
                        order by code limit 1) m
    where r.citizen_id like '001%') to stdout with (format csv, header true)" > "$update"
  # a moved person moves with their household, as a household cannot span two units
  python3 - "$update" <<'PY'
import csv, sys
path = sys.argv[1]
rows = list(csv.reader(open(path, encoding="utf-8")))
header, body = rows[0], rows[1:]
unit_of = {}
for r in body:
    if r[0].endswith("0"):
        unit_of[r[4]] = r[7]
for r in body:
    if r[4] in unit_of:
        r[7] = unit_of[r[4]]
with open(path, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(header)
    w.writerows(body)
PY
  ykien registry import "$update" --timing --lang en > "$work/update.txt" || true
  grep -E "^Imported|^Nothing|^Line" "$work/update.txt" | head -5
  echo "update_seconds=$(sed -n 's/^import_seconds=//p' "$work/update.txt") ($rows-row update file on a $(sql -c 'select count(*) from registry.resident')-resident registry)"
fi

printf 'ratio_vs_copy=%.3f\n' "$(echo "$copy_seconds / $import_seconds" | bc -l)"
