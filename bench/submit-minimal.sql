-- pgbench: the minimal submission transaction, the baseline bench/submit-load.sh divides by
-- (ratio_vs_minimal): one participation row upserted and nine answer rows upserted, one commit
-- (synchronous commit on, as the server runs). Variables: -D consultation, item1 (the first of
-- 9 consecutive item ids), unit (a residential group's id). The answers go to bench.answer,
-- shaped as the platform's current-answer table was when the issue set this baseline.
\set cid random(100000000000, 999999999999)
BEGIN;
insert into opinion.participation (consultation_id, citizen_id, unit_id, channel, first_submitted_at, last_submitted_at, receipt_number) values (:consultation, lpad(:cid::text, 12, '0')::char(12), :unit, 'SELF', now(), now(), 'YK-M-' || :cid) on conflict (consultation_id, citizen_id) do update set last_submitted_at = excluded.last_submitted_at;
insert into bench.answer (consultation_id, pseudonym, item_id, stance, comment) select :consultation, decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'), :item1 + k, 'APPROVE', null from generate_series(0, 8) k on conflict (consultation_id, pseudonym, item_id) do update set stance = excluded.stance, comment = excluded.comment;
COMMIT;
