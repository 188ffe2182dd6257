#!/usr/bin/env bash
# A surge of submissions (issue 4): RATE/s (default 100) for 20 s, then 10 × RATE for 60 s, then
# RATE again for 40 s, open loop, against the platform as shipped on its embedded PostgreSQL
# (see bench/submit-common.sh), after WARMUP seconds of load that are not counted. Prints its
# figures; asserts nothing:
#  - per second: requests sent, stored (201), told to come back (429), anything else, and p99
#  - errors other than 429 (5xx, time-outs, refused connections)
#  - lost: acknowledged submissions (201 with a receipt) that are not in the database
#  - how many seconds after the surge latency was back to normal: the first of five seconds in a
#    row whose p99 is within 2 × the p99 before the surge, or 20 ms above it
# A 429 is not retried here: those citizens' opinions are not stored, and not counted as lost.
set -euo pipefail
trap 'echo "bench/submit-surge.sh: failed at line $LINENO" >&2' ERR
rate="${RATE:-100}"
surge_seconds="${SURGE_SECONDS:-60}"
warmup="${WARMUP:-60}"
source "$(dirname "$0")/submit-common.sh"
start_server
prepare_population
echo "--- ${rate}/s, then $(( rate * 10 ))/s for ${surge_seconds} s, then ${rate}/s"
load --mode surge --rate "$rate" --seconds "$surge_seconds" --warmup "$warmup" --ack "$work/ack.txt" | tee "$work/surge.txt"
sleep 3 # the last answers are in; the stored events of the last submissions are handled
acknowledged="$(wc -l < "$work/ack.txt")"
lost="$(lost_of "$work/ack.txt")"
others="$(grep -o 'errors_other_than_429=[0-9]*' "$work/surge.txt" | cut -d= -f2)"
recovered="$(grep -o 'recovered_after_s=[a-z0-9]*' "$work/surge.txt" | cut -d= -f2)"
echo "surge_rate=$(( rate * 10 )) acknowledged=$acknowledged lost=$lost errors_other_than_429=$others recovered_after_s=$recovered"
