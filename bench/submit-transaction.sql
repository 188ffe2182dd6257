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
select pg_advisory_xact_lock_shared(22859, 1);
select unit_id, channel, first_submitted_at from opinion.participation where consultation_id = :consultation and citizen_id = lpad(:cid::text, 12, '0')::char(12) for update;
insert into opinion.participation (consultation_id, citizen_id, unit_id, channel, first_submitted_at, last_submitted_at, receipt_number) values (:consultation, lpad(:cid::text, 12, '0')::char(12), :resident_unit_id, 'SELF', now(), now(), 'YK-B-' || :cid) on conflict (consultation_id, citizen_id) do nothing;
insert into opinion.receipt (number, consultation_id, citizen_id, issued_at, channel, official, place, paper_reference) values ('YK-B-' || :cid, :consultation, lpad(:cid::text, 12, '0')::char(12), date_trunc('second', now()), 'SELF', null, null, null);
select greatest( (select coalesce(max(revision), 0) from opinion.answer_revision where consultation_id = :consultation and pseudonym = decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex')), (select coalesce(max(revision), 0) from opinion.withdrawal where consultation_id = :consultation and pseudonym = decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'))) + 1;
insert into opinion.answer (consultation_id, pseudonym, item_id, stance, comment) select :consultation, decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'), :item1 + k, case when random() < 0.85 then 'APPROVE' when random() < 0.67 then 'DISAPPROVE' else 'PARTLY' end, case when random() < 0.2 then 'Đề nghị giữ nguyên quy định hiện hành về quyền chất vấn của đại biểu Hội đồng nhân dân.' end from generate_series(0, 8) k on conflict (consultation_id, pseudonym, item_id) do update set stance = excluded.stance, comment = excluded.comment;
insert into opinion.answer_revision (consultation_id, pseudonym, item_id, revision, stance, comment, submitted_on) select consultation_id, pseudonym, item_id, 1, stance, comment, current_date from opinion.answer where consultation_id = :consultation and pseudonym = decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex');
\if :general = 1
insert into opinion.general_comment (consultation_id, pseudonym, comment) values (:consultation, decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'), 'Tán thành việc tổ chức chính quyền địa phương hai cấp.') on conflict (consultation_id, pseudonym) do update set comment = excluded.comment;
\else
delete from opinion.general_comment where consultation_id = :consultation and pseudonym = decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex');
\endif
insert into opinion.general_comment_revision (consultation_id, pseudonym, revision, comment, submitted_on) values (:consultation, decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'), 1, null, current_date);
insert into opinion.idempotent_request (consultation_id, citizen_id, key, fingerprint, receipt_number, revision, created_at) values (:consultation, lpad(:cid::text, 12, '0')::char(12), gen_random_uuid()::text, decode(md5(:cid::text || 'f') || md5(:cid::text || 'g'), 'hex'), 'YK-B-' || :cid, 1, now());
insert into opinion.change_log (consultation_id, pseudonym, revision, withdrawn, unit_id, channel, age_band, sex, occupation, memberships, first_day, day, hour) values (:consultation, decode(md5(:cid::text) || md5(:cid::text || 'p'), 'hex'), 1, false, :resident_unit_id, 'SELF', 'FROM_35_TO_44', 'F', null, 0, current_date, current_date, date_trunc('hour', now()));
COMMIT;
-- Nothing else: the readers (tallies, classification) follow the log in batches of up to 500
-- changes; their cost per submission is a fraction of one statement and is left out here.
