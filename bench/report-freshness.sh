#!/usr/bin/env bash
# Freshness of the national roll-up under a steady load (issue 11). Prints its figures; asserts
# nothing. Starts the platform as shipped (see bench/submit-common.sh; the tally and classification
# readers run in the server), measures the peak in a short closed-loop run, then sends a steady
# open-loop load at min(1,000/s, that peak) for SECONDS. Meanwhile psql reads the national
# participation tally every 50 ms (one session, \watch). The k-th acknowledged submission (by the
# time its 201 arrived) counts as visible at the first reading where the national count has grown
# by k: its freshness is that reading's time minus the 201's. After the load, the time until the
# readers have applied everything (no change pending) is their lag.
set -euo pipefail
trap 'echo "bench/report-freshness.sh: failed at line $LINENO" >&2' ERR
seconds="${SECONDS_PER_RUN:-30}"
source "$(dirname "$0")/submit-common.sh"
# The mixer writes content once 50 envelopes wait or the oldest waited 10 minutes (as shipped);
# here the stragglers of the last round are written after 5 s, so that the end state is checked
# without waiting 10 minutes. Batches under load are the same as shipped.
settings+=(--ykien.opinion.mixer.max-wait=PT5S)
start_server
prepare_population
nation="$(sql "select id from units.unit where edition = '2026-07' and code = 'VN'")"
count_sql="select (extract(epoch from clock_timestamp()) * 1000)::bigint, coalesce(sum(people), 0) from reporting.participation_total where consultation_id = $consultation and unit_id = $nation"

echo "--- the peak, closed loop, 32 clients for 10 s (after 30 s of warm-up)"
load --mode peak --concurrency 32 --seconds 10 --warmup 30 --offset 0 | tee "$work/peak.txt"
peak="$(grep -o 'submissions_per_s=[0-9]*' "$work/peak.txt" | cut -d= -f2)"
rate=$(( peak < 1000 ? peak : 1000 ))
used="$(( $(grep -o 'requests=[0-9]*' "$work/peak.txt" | cut -d= -f2) + $(grep -o 'with [0-9]* submissions' "$work/peak.txt" | cut -d' ' -f2) + 100 ))"
# Settle: the readers apply what the peak run sent before the measured load starts.
for _ in $(seq 1 600); do
  pending="$(sql "select (select count(*) from opinion.content_inbox) + coalesce(sum(case when p.reader = 'reporting.participation' then (select count(*) from opinion.participation_log l where (l.xid, l.id) > (p.xid, p.id)) else (select count(*) from opinion.change_log l where (l.xid, l.id) > (p.xid, p.id)) end), 0) from (select reader, xid, id from reporting.log_position union all select reader, xid, id from classification.log_position) p")"
  [[ "$pending" == 0 ]] && break
  sleep 0.5
done

echo "--- steady load: $rate/s for $seconds s, open loop (min of 1,000/s and the peak $peak/s)"
printf '%s\n\\watch 0.05\n' "$count_sql" > "$work/watch.sql"
psql -X -q -t -A -F ' ' -h localhost -p "$dbport" -U postgres -d postgres -f "$work/watch.sql" > "$work/counts.txt" 2>/dev/null &
watcher=$!
sleep 1
base="$(head -1 "$work/counts.txt" | cut -d' ' -f2)"
load --mode rate --rate "$rate" --seconds "$seconds" --warmup 0 --offset "$used" --ack-times "$work/acks.txt" | tee "$work/steady.txt"
ended_ms="$(date +%s%3N)"
acked="$(wc -l < "$work/acks.txt")"
# Wait until the national count holds every acknowledged submission, or 120 s.
for _ in $(seq 1 1200); do
  last="$(tail -1 "$work/counts.txt" | cut -d' ' -f2)"
  [[ -n "$last" && "$last" -ge $(( base + acked )) ]] && break
  sleep 0.1
done
sleep 0.5
kill "$watcher" 2>/dev/null || true
sort -n "$work/acks.txt" > "$work/acks-sorted.txt"
awk -v base="$base" '
  NR == FNR { t[NR] = $1; c[NR] = $2; n = NR; next }
  { k++; while (j < n && c[j + 1] - base < k) j++;
    if (j < n) { d = t[j + 1] - $1; print (d < 0 ? 0 : d) } else { print "missing" } }' \
  "$work/counts.txt" "$work/acks-sorted.txt" > "$work/latencies.txt"
missing="$(grep -c missing "$work/latencies.txt" || true)"
grep -v missing "$work/latencies.txt" | sort -n | awk -v missing="$missing" '
  { v[NR] = $1 } END {
    printf "freshness over %d acknowledged submissions: p50=%d ms p99=%d ms max=%d ms (not seen within the wait: %d)\n",
      NR, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR], missing }'
total=$(( base + acked ))
awk -v total="$total" -v ended="$ended_ms" '$2 >= total { printf "readers_lag_after_load_ms=%d\n", $1 - ended; found = 1; exit }
  END { if (!found) print "readers_lag_after_load_ms=not reached within 120 s" }' "$work/counts.txt"
echo "pending changes per reader at the end: $(sql "select string_agg(reader || '=' || case when p.reader = 'reporting.participation' then (select count(*) from opinion.participation_log l where (l.xid, l.id) > (p.xid, p.id)) else (select count(*) from opinion.change_log l where (l.xid, l.id) > (p.xid, p.id)) end, ', ') from (select reader, xid, id from reporting.log_position union all select reader, xid, id from classification.log_position) p")"
