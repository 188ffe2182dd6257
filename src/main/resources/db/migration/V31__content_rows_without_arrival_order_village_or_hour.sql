-- Issue 12, content apart from participation (first steps; V30 gave classification its own
-- pseudonym).

-- 1. Classified comments get ids that carry no arrival order: 63 random bits (from a version-4
-- UUID) instead of a sequence, so that a copy of the table does not say which comment came in
-- right after a given participation. Existing comments are renumbered.
create function classification.random_id() returns bigint language sql volatile as $$
  select ('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16))::bit(64)::bigint
         & 9223372036854775807
$$;

alter table classification.comment_item drop constraint comment_item_comment_id_fkey;
alter table classification.comment_item
  add constraint comment_item_comment_id_fkey foreign key (comment_id)
  references classification.comment (id) on delete cascade on update cascade;
alter table classification.comment alter column id set default classification.random_id();
drop sequence classification.comment_id_seq;
update classification.comment set id = classification.random_id();

-- 2. Answers are tallied from the commune up, never per village: a village's cell of one person
-- would show their answers beside the participation figures of the same village.
delete from reporting.answer_count a using units.unit u where u.id = a.unit_id and u.kind = 'VILLAGE';

-- 3. A campaign's arrivals are counted per commune and day, not hour: content is never dated
-- closer than its day (a cell of one comment in one hour would date that comment).
create table classification.campaign_arrival_day (
  campaign_id  bigint not null references classification.campaign (id),
  commune_id   bigint not null,
  day          date not null,
  comments     int not null,
  primary key (campaign_id, commune_id, day)
);
insert into classification.campaign_arrival_day (campaign_id, commune_id, day, comments)
select campaign_id, commune_id, (hour at time zone 'Asia/Ho_Chi_Minh')::date, sum(comments)::int
from classification.campaign_arrival group by 1, 2, 3;
drop table classification.campaign_arrival;
alter table classification.campaign_arrival_day rename to campaign_arrival;
alter table classification.campaign_arrival rename constraint campaign_arrival_day_pkey to campaign_arrival_pkey;
alter table classification.campaign_arrival
  rename constraint campaign_arrival_day_campaign_id_fkey to campaign_arrival_campaign_id_fkey;
