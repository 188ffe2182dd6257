#!/usr/bin/env bash
# Crash safety of submissions (issue 4). Prints its figures; asserts nothing.
# KILLS rounds (default 20); in each, SubmitLoad.java submits at RATE/s (default 100) for 12 s
# against the platform as shipped (see bench/submit-common.sh), and the server's JVM is killed
# with SIGKILL at a random moment between 1 and 9 s into the round; then the server is started
# again on the same data (it stops the PostgreSQL the killed JVM left behind). Half of each
# round's citizens already submitted in the round before, so revisions are killed too.
# Afterwards:
#  - lost: acknowledged submissions (201 with a receipt) whose receipt or participation is not in
#    the database
#  - duplicates: current answers to one item of one person beyond the first, plus people whose
#    current opinion is not exactly one answer per item (a half-written submission), plus any
#    difference between the participants and the people with current answers
#  - tally_mismatch: cells of the tallies that differ from a recount of the stored opinions
#    (`ykien reporting recount --check`), once the restarted server's readers have caught up
# Last line: kills=<n> acknowledged=<n> lost=<n> duplicates=<n> tally_mismatch=<n>
set -euo pipefail
trap 'echo "bench/crash-kill.sh: failed at line $LINENO" >&2' ERR
kills="${KILLS:-20}"
rate="${RATE:-100}"
PEOPLE="${PEOPLE:-100000}"
source "$(dirname "$0")/submit-common.sh"
# The mixer writes content once 50 envelopes wait or the oldest waited 10 minutes (as shipped);
# here the stragglers of the last round are written after 5 s, so that the end state is checked
# without waiting 10 minutes. Batches under load are the same as shipped.
settings+=(--ykien.opinion.mixer.max-wait=PT5S)
start_server
prepare_population
round_size=$(( rate * 12 ))
: > "$work/ack.txt"
for round in $(seq 1 "$kills"); do
  offset=$(( (round - 1) * round_size / 2 ))
  load --mode rate --rate "$rate" --seconds 12 --warmup 0 --offset "$offset" --ack "$work/ack-$round.txt" \
    > "$work/round-$round.txt" 2>&1 &
  loader=$!
  # the moment is counted from the first request, not from the start of the generator
  until grep -q '^sending' "$work/round-$round.txt" 2> /dev/null; do sleep 0.1; done
  sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.1f", 1 + rand() * 8 }')"
  kill -9 "$server"
  wait "$server" 2> /dev/null || true
  server=""
  wait "$loader" || true
  cat "$work/ack-$round.txt" >> "$work/ack.txt"
  start_server
  echo "round $round: $(grep -o 'statuses={[^}]*}' "$work/round-$round.txt")"
done
# The restarted server's readers apply what the last round sent: wait until none is pending.
for _ in $(seq 1 600); do
  pending="$(sql "select (select count(*) from opinion.content_inbox) + coalesce(sum(case when p.reader = 'reporting.participation' then (select count(*) from opinion.participation_log l where (l.xid, l.id) > (p.xid, p.id)) else (select count(*) from opinion.change_log l where (l.xid, l.id) > (p.xid, p.id)) end), 0) from (select reader, xid, id from reporting.log_position union all select reader, xid, id from classification.log_position) p")"
  [[ "$pending" == 0 ]] && break
  sleep 0.5
done
acknowledged="$(wc -l < "$work/ack.txt")"
lost="$(psql -X -q -t -A -h localhost -p "$dbport" -U postgres -d postgres <<SQL | tail -1
create temp table ack (citizen_id char(12), number text);
\copy ack from '$work/ack.txt' with (format text, delimiter ' ')
select count(*) from ack a
where not exists (select 1 from opinion.receipt r where r.number = a.number)
   or not exists (select 1 from opinion.participation p where p.consultation_id = $consultation and p.citizen_id = a.citizen_id);
SQL
)"
duplicates="$(sql "
  select (select coalesce(sum(n - 1), 0) from (select count(*) n from opinion.current_answer where consultation_id = $consultation
            group by pseudonym, item_id having count(*) > 1) twice)
       + (select count(*) from (select pseudonym from opinion.current_answer where consultation_id = $consultation
            group by pseudonym having count(*) <> (select count(*) from consultation.item where consultation_id = $consultation)) partial)
       + abs((select count(*) from opinion.participation where consultation_id = $consultation)
             - (select count(distinct pseudonym) from opinion.current_answer where consultation_id = $consultation))")"
nation="$(sql "select id from units.unit where edition = '2026-07' and code = 'VN'")"
echo "tallies: $(sql "select sum(people) from reporting.participation_total where consultation_id = $consultation and unit_id = $nation") counted nationally, $(sql "select count(*) from opinion.participation where consultation_id = $consultation") participants"
"$java" -Xmx512m -jar "$jar" reporting recount --check --lang en > "$work/recount.txt" 2>&1 || { cat "$work/recount.txt"; exit 1; }
grep -v '^tally_mismatch' "$work/recount.txt" || true
mismatch="$(grep -o 'tally_mismatch=[0-9]*' "$work/recount.txt" | cut -d= -f2)"
echo "kills=$kills acknowledged=$acknowledged lost=$lost duplicates=$duplicates tally_mismatch=$mismatch"
