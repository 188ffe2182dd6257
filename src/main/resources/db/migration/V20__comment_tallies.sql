-- Comments as classified, tallied (issue 11): the analysts' results page reads these cells
-- instead of counting distinct authors over the comments on every view.

-- What each person's comments count for, as last tallied: one row per item and stance of their
-- comments ('ALL': the item's people), and per flag (item 0: 'OUTSIDE' the draft only,
-- 'UNCLEAR'). Re-tallying a person takes these away and adds their comments as they are now.
create table classification.counted (
  consultation_id bigint not null,
  author          text not null,
  item_id         bigint not null,
  stance          text not null,
  unit_path       text not null,
  age_band        text not null,
  sex             char(1) not null,
  occupation      text not null,
  primary key (consultation_id, author, item_id, stance)
);

-- People per unit (the commune and every unit above it) x item x stance x citizen group.
create table classification.comment_count (
  consultation_id bigint not null,
  unit_id         bigint not null,
  -- the unit above (null for the nation): the siblings a cell is compared with
  parent_id       bigint,
  item_id         bigint not null,
  stance          text not null,
  age_band        text not null,
  sex             char(1) not null,
  occupation      text not null,
  people          integer not null,
  primary key (consultation_id, unit_id, item_id, stance, age_band, sex, occupation)
);
create index comment_count_parent_idx on classification.comment_count (consultation_id, parent_id, stance);

-- Comments that belong to a campaign, for the campaigns' aggregates.
create index comment_in_campaign_idx on classification.comment (consultation_id, campaign_id)
  where campaign_id is not null;

-- Existing comments are tallied once.
insert into classification.counted
select distinct consultation_id, author, item_id, stance, unit_path, age_band, sex, occupation
from (
  select c.consultation_id, c.author, ci.item_id, s.stance, c.unit_path, c.age_band, c.sex,
         coalesce(c.occupation, '') as occupation
  from classification.comment c
  join classification.comment_item ci on ci.comment_id = c.id
  cross join lateral (values (coalesce(c.corrected_stance, c.stance)), ('ALL')) s(stance)
  union
  select c.consultation_id, c.author, 0, 'UNCLEAR', c.unit_path, c.age_band, c.sex, coalesce(c.occupation, '')
  from classification.comment c where c.unclear is not null
  union
  select c.consultation_id, c.author, 0, 'OUTSIDE', c.unit_path, c.age_band, c.sex, coalesce(c.occupation, '')
  from classification.comment c
  where c.unclear is null
    and not exists (select 1 from classification.comment o
                    join classification.comment_item ci on ci.comment_id = o.id
                    where o.consultation_id = c.consultation_id and o.author = c.author)
) fresh;

insert into classification.comment_count
select k.consultation_id, u.unit_id, u.parent_id, k.item_id, k.stance, k.age_band, k.sex, k.occupation, count(*)
from classification.counted k
cross join lateral (
  select a.id::bigint as unit_id, lag(a.id::bigint) over (order by a.n) as parent_id
  from unnest(string_to_array(trim(both '/' from k.unit_path), '/')) with ordinality a(id, n)) u
group by k.consultation_id, u.unit_id, u.parent_id, k.item_id, k.stance, k.age_band, k.sex, k.occupation;
