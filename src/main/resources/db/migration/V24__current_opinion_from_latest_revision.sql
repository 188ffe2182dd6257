-- A person's current opinion is their latest revision, unless a withdrawal came after it. The
-- tables that kept a second copy of it (opinion.answer, opinion.general_comment) cost every
-- submission ten more index writes and were read only to show a citizen their own opinion: they
-- become views over the revisions, and a submission writes each answer once.

-- The revisions take over the rules the copies enforced.
alter table opinion.answer_revision
  add constraint answer_revision_stance_check check (stance in ('APPROVE', 'DISAPPROVE', 'PARTLY')),
  add constraint answer_revision_comment_check check (char_length(comment) <= 5000);
alter table opinion.general_comment_revision
  add constraint general_comment_revision_comment_check check (char_length(comment) <= 5000);

create view opinion.current_answer as
select r.consultation_id, r.pseudonym, r.item_id, r.stance, r.comment
from opinion.answer_revision r
where r.revision = (select max(x.revision) from opinion.answer_revision x
                    where x.consultation_id = r.consultation_id and x.pseudonym = r.pseudonym)
  and not exists (select 1 from opinion.withdrawal w
                  where w.consultation_id = r.consultation_id and w.pseudonym = r.pseudonym
                    and w.revision > r.revision);

create view opinion.current_general_comment as
select g.consultation_id, g.pseudonym, g.comment
from opinion.general_comment_revision g
where g.comment is not null
  and g.revision = (select max(x.revision) from opinion.general_comment_revision x
                    where x.consultation_id = g.consultation_id and x.pseudonym = g.pseudonym)
  and not exists (select 1 from opinion.withdrawal w
                  where w.consultation_id = g.consultation_id and w.pseudonym = g.pseudonym
                    and w.revision > g.revision);

-- Nothing is dropped unless the views give exactly what the copies hold.
do $$
declare
  differing bigint;
begin
  select
    (select count(*) from (
       (select consultation_id, pseudonym, item_id, stance, comment from opinion.answer
        except all
        select consultation_id, pseudonym, item_id, stance, comment from opinion.current_answer)
       union all
       (select consultation_id, pseudonym, item_id, stance, comment from opinion.current_answer
        except all
        select consultation_id, pseudonym, item_id, stance, comment from opinion.answer)) a)
    + (select count(*) from (
       (select consultation_id, pseudonym, comment from opinion.general_comment
        except all
        select consultation_id, pseudonym, comment from opinion.current_general_comment)
       union all
       (select consultation_id, pseudonym, comment from opinion.current_general_comment
        except all
        select consultation_id, pseudonym, comment from opinion.general_comment)) g)
  into differing;
  if differing > 0 then
    raise exception 'V24: % current answers or general comments differ from their latest revision; nothing was changed', differing;
  end if;
end $$;

drop table opinion.answer;
drop table opinion.general_comment;
