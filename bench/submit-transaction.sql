-- pgbench: what one opinion submission asks of PostgreSQL, statement for statement, as
-- pg_stat_statements shows it after bench/submit-load.sh's peak run (the script checks that each
-- of those statements is here). Variables: -D consultation, citizens (rows of bench.citizen),
-- item1 (the first of 9 consecutive item ids).
-- Differences, both of which make this script slightly slower than the server's statements:
--  * the resident is found through bench.citizen (a second index probe in the same statement);
--  * values the server computes in Java (pseudonym, receipt number, random choices) are
--    computed here in SQL.
\set r random(1, :citizens)
\set cid random(100000000000, 999999999999)
\set general random(1, 10)
-- the request's transaction
BEGIN;
select id, slug, title_vi, title_en, description_vi, description_en, opens_at, closes_at, scope_unit_id, minimum_age from consultation.consultation where id = :consultation;
select citizen_id, full_name, birth_date, sex, household_id, unit_id, eid_state, eid_level, occupation, memberships from registry.resident where citizen_id = (select citizen_id from bench.citizen where n = :r) \gset resident_
select id from consultation.item where consultation_id = :consultation order by position;
with writer as (select pg_advisory_xact_lock_shared(22859, 1)) insert into opinion.participation (consultation_id, citizen_id, unit_id, channel, first_submitted_at, last_submitted_at, receipt_number) select :consultation, lpad(:cid::text, 12, '0')::char(12), :resident_unit_id, 'SELF', now(), now(), 'YK-B-' || :cid from writer on conflict (consultation_id, citizen_id) do nothing;
select coalesce(max(seq), 0) + 1 as seq from opinion.participation_log where consultation_id = :consultation and citizen_id = lpad(:cid::text, 12, '0')::char(12) \gset next_
with receipt as (insert into opinion.receipt (number, consultation_id, citizen_id, issued_at, channel, official, place, paper_reference, paper_confirmed_by) values ('YK-B-' || :cid, :consultation, lpad(:cid::text, 12, '0')::char(12), date_trunc('second', now()), 'SELF', null, null, null, null)),
 idempotent as (insert into opinion.idempotent_request (consultation_id, citizen_id, key, fingerprint, receipt_number, revision, created_at) select :consultation, lpad(:cid::text, 12, '0')::char(12), gen_random_uuid()::text, decode(md5(:cid::text || 'f') || md5(:cid::text || 'g'), 'hex'), 'YK-B-' || :cid, 1, now()),
 participated as (insert into opinion.participation_log (consultation_id, citizen_id, seq, withdrawn, unit_id, channel, age_band, sex, occupation, memberships, first_day, day, hour) values (:consultation, lpad(:cid::text, 12, '0')::char(12), :next_seq, false, :resident_unit_id, 'SELF', 'FROM_35_TO_44', 'F', null, 0, current_date, current_date, date_trunc('hour', now()))),
 own as (update opinion.participation set pending_revision = :next_seq, pending_content = decode(repeat(md5(random()::text), 21), 'hex') where consultation_id = :consultation and citizen_id = lpad(:cid::text, 12, '0')::char(12))
insert into opinion.content_inbox (sealed) values (decode(repeat(md5(random()::text), 23), 'hex'));
COMMIT;
-- Nothing else: the content (answers, comments, the opinion log) is sealed in the inbox row
-- (368 bytes here, about what nine answers without comments seal to; the own copy 336) and
-- written by the mixer in batches; the readers (tallies, classification) follow the logs in
-- batches of up to 500 changes; their cost per submission is left out here.
