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
with revision as (select greatest((select coalesce(max(revision), 0) from opinion.answer_revision where consultation_id = :consultation and pseudonym = decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex')), (select coalesce(max(revision), 0) from opinion.withdrawal where consultation_id = :consultation and pseudonym = decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'))) + 1 as number),
 receipt as (insert into opinion.receipt (number, consultation_id, citizen_id, issued_at, channel, official, place, paper_reference, paper_confirmed_by) values ('YK-B-' || :cid, :consultation, lpad(:cid::text, 12, '0')::char(12), date_trunc('second', now()), 'SELF', null, null, null, null)),
 answers as (insert into opinion.answer_revision (consultation_id, pseudonym, item_id, revision, stance, comment, submitted_on) select :consultation, decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'), :item1 + k, revision.number, case when random() < 0.85 then 'APPROVE' when random() < 0.67 then 'DISAPPROVE' else 'PARTLY' end, case when random() < 0.2 then 'Đề nghị giữ nguyên quy định hiện hành về quyền chất vấn của đại biểu Hội đồng nhân dân.' end, current_date from revision, generate_series(0, 8) k),
 general as (insert into opinion.general_comment_revision (consultation_id, pseudonym, revision, comment, submitted_on) select :consultation, decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'), revision.number, case when :general = 1 then 'Tán thành việc tổ chức chính quyền địa phương hai cấp.' end, current_date from revision),
 idempotent as (insert into opinion.idempotent_request (consultation_id, citizen_id, key, fingerprint, receipt_number, revision, created_at) select :consultation, lpad(:cid::text, 12, '0')::char(12), gen_random_uuid()::text, decode(md5(:cid::text || 'f') || md5(:cid::text || 'g'), 'hex'), 'YK-B-' || :cid, revision.number, now() from revision),
 logged as (insert into opinion.change_log (consultation_id, pseudonym, revision, withdrawn, unit_id, channel, age_band, sex, occupation, memberships, first_day, day) select :consultation, decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'), revision.number, false, :resident_unit_id, 'SELF', 'FROM_35_TO_44', 'F', null, 0, current_date, current_date from revision),
 participated as (insert into opinion.participation_log (consultation_id, citizen_id, seq, withdrawn, unit_id, channel, age_band, sex, occupation, memberships, first_day, day, hour) select :consultation, lpad(:cid::text, 12, '0')::char(12), coalesce(max(seq), 0) + 1, false, :resident_unit_id, 'SELF', 'FROM_35_TO_44', 'F', null, 0, current_date, current_date, date_trunc('hour', now()) from opinion.participation_log where consultation_id = :consultation and citizen_id = lpad(:cid::text, 12, '0')::char(12))
select number from revision;
COMMIT;
-- Nothing else: the readers (tallies, classification) follow the log in batches of up to 500
-- changes; their cost per submission is a fraction of one statement and is left out here.
