# Shared by bench/submit-load.sh, bench/submit-surge.sh and bench/crash-kill.sh (sourced, not run):
# builds the jar, starts the platform as shipped (demo profile: the 2025 constitutional
# consultation, 9 items) on its embedded PostgreSQL (fsync and synchronous_commit on,
# pg_stat_statements loaded), with the development e-ID provider signing with a key made here and
# the per-address rate limit lifted (all load comes from one loopback address); fills the
# registry with PEOPLE generated residents and lists the eligible ones who have not taken part.
here="$(cd "$(dirname "$0")/.." && pwd)"
people="${PEOPLE:-300000}"
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
# A copy of its own: another bench building the project meanwhile does not change it under us.
cp "$here/target/ykien-0.1.0-SNAPSHOT.jar" "$work/ykien.jar"
jar="$work/ykien.jar"
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
# More server settings for an experiment, e.g. SERVER_ARGS="--ykien.readers.enabled=false".
read -r -a extra <<< "${SERVER_ARGS:-}"
settings+=("${extra[@]}")

sql() { psql -X -q -t -A -h localhost -p "$dbport" -U postgres -d postgres -c "$1"; }

# Starts the server in the background (its pid in $server) and waits until it answers.
start_server() {
  # JAVA_OPTS: more JVM options for an experiment, e.g. a flight recording.
  read -r -a jvm <<< "${JAVA_OPTS:-}"
  "$java" -Xmx1g "${jvm[@]}" -jar "$jar" "${settings[@]}" >> "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 180); do
    curl -fs -o /dev/null "http://localhost:$port/" && return 0
    kill -0 "$server" 2> /dev/null || break
    sleep 0.5
  done
  echo "the server did not start:"; grep -v '^\s*at ' "$work/server.log" | tail -30
  exit 1
}

# A registry of realistic size (the running server's database is borrowed by the command), the
# database settled afterwards, and the list of eligible citizens who have not taken part.
prepare_population() {
  "$java" -Xmx512m -jar "$jar" registry generate --units 01 --birth-province 001 --people "$people" --seed 2026 --lang en \
    > "$work/generate.log" 2>&1 || { echo "registry generate failed:"; grep -v '^\s*at ' "$work/generate.log" | tail -20; exit 1; }
  sql "vacuum analyze" > /dev/null
  sql "checkpoint" > /dev/null
  consultation="$(sql "select id from consultation.consultation where slug = 'hien-phap-2025'")"
  items="$(sql "select string_agg(id::text, ',' order by position) from consultation.item where consultation_id = $consultation")"
  local opening
  opening="$(sql "select (opens_at at time zone 'Asia/Ho_Chi_Minh')::date from consultation.consultation where id = $consultation")"
  sql "select citizen_id from registry.resident r
       where eid_state = 'ACTIVATED' and eid_level = 2 and birth_date <= date '$opening' - interval '14 years'
         and not exists (select 1 from opinion.participation p where p.consultation_id = $consultation and p.citizen_id = r.citizen_id)
       order by md5(citizen_id)" > "$work/citizens.txt"
  echo "registry: $(sql 'select count(*) from registry.resident') residents; $(wc -l < "$work/citizens.txt") eligible at level 2 who have not taken part"
  echo "consultation $consultation, items $items; server: demo profile, fsync=$(sql 'show fsync') synchronous_commit=$(sql 'show synchronous_commit'), $(nproc) cores"
}

load() {
  "$java" -Xmx1g "$here/bench/SubmitLoad.java" --url "http://localhost:$port" --consultation "$consultation" \
    --items "$items" --key "$work/eid-key.pem" --citizens "$work/citizens.txt" "$@"
}

# How many acknowledged submissions (lines "citizen receipt" in the file) are not in the database.
lost_of() {
  psql -X -q -t -A -h localhost -p "$dbport" -U postgres -d postgres <<SQL | tail -1
create temp table ack (citizen_id char(12), number text);
\copy ack from '$1' with (format text, delimiter ' ')
select count(*) from ack a where not exists (select 1 from opinion.receipt r where r.number = a.number);
SQL
}
