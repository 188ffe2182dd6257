-- Everyone who commented at all, per unit and citizen group (item 0, stance ALL): what the counts
-- of people who wrote only outside the draft, or nothing readable, are shares of when a release
-- protects them. Every author counted so far has at least one row; their first is taken.
with added as (
  insert into classification.counted
  select distinct on (consultation_id, author) consultation_id, author, 0, 'ALL', unit_path, age_band, sex, occupation
  from classification.counted
  order by consultation_id, author
  on conflict do nothing
  returning *)
insert into classification.comment_count as t
select k.consultation_id, u.unit_id, max(u.parent_id), 0, 'ALL', k.age_band, k.sex, k.occupation, count(*)
from added k
cross join lateral (
  select a.id::bigint as unit_id, lag(a.id::bigint) over (order by a.n) as parent_id
  from unnest(string_to_array(trim(both '/' from k.unit_path), '/')) with ordinality a(id, n)) u
group by k.consultation_id, u.unit_id, k.age_band, k.sex, k.occupation
on conflict (consultation_id, unit_id, item_id, stance, age_band, sex, occupation)
do update set people = t.people + excluded.people;

-- One comment table of an item as the latest release shows it, for one stance of the comments
-- (item 0: OUTSIDE or UNCLEAR among everyone who commented): per group (everyone, then each
-- breakdown's values but the channel) the people of the row, those who took the stance and those
-- who did not; -1 where hidden. Kept like results.unit_item, with what each cell last showed.
create table results.unit_comment (
  consultation_id  bigint not null,
  unit_id          bigint not null,
  item_id          bigint not null,
  stance           text not null,
  release          int not null,
  shown            bigint[] not null,
  last_shown       bigint[] not null,
  people_then      bigint[] not null,
  primary key (consultation_id, unit_id, item_id, stance)
);

alter table results.release add column comment_cells bigint not null default 0;
alter table results.release add column comment_hidden bigint not null default 0;

-- The themes of an item's comments (item 0: the campaigns) of the nation and each province as a
-- release last published them afresh, with how many people had commented then: they are published
-- again only once at least k more have.
create table results.unit_theme (
  consultation_id  bigint not null,
  unit_id          bigint not null,
  item_id          bigint not null,
  release          int not null,
  published_at     timestamptz not null,
  commenters_then  bigint not null,
  body             jsonb not null,
  primary key (consultation_id, unit_id, item_id)
);
