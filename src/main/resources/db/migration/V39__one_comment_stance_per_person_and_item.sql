-- Each person now counts for one stance per item (that of their comment on the item itself, else
-- of the comment that concerns it most), so that an item's comment stances add up to its people and
-- a release protects them as one table (five tables protected apart let a hidden stance be bounded
-- by the people minus the others shown). The items' tallies are rebuilt from the comments; item 0
-- (everyone, outside the draft, unclear) is unchanged.
delete from classification.counted where item_id <> 0;
insert into classification.counted
select o.consultation_id, o.author, o.item_id, s.stance, o.unit_path, o.age_band, o.sex, o.occupation
from (
  select distinct on (c.consultation_id, c.author, ci.item_id)
         c.consultation_id, c.author, ci.item_id, coalesce(c.corrected_stance, c.stance) as stance,
         c.unit_path, c.age_band, c.sex, coalesce(c.occupation, '') as occupation
  from classification.comment c
  join classification.comment_item ci on ci.comment_id = c.id
  order by c.consultation_id, c.author, ci.item_id, (ci.signal = 'CURRENT_ITEM') desc, ci.score desc, c.id) o
cross join lateral (values (o.stance), ('ALL')) s(stance);

delete from classification.comment_count where item_id <> 0;
insert into classification.comment_count
select k.consultation_id, u.unit_id, max(u.parent_id), k.item_id, k.stance, k.age_band, k.sex, k.occupation, count(*)
from classification.counted k
cross join lateral (
  select a.id::bigint as unit_id, lag(a.id::bigint) over (order by a.n) as parent_id
  from unnest(string_to_array(trim(both '/' from k.unit_path), '/')) with ordinality a(id, n)) u
where k.item_id <> 0
group by k.consultation_id, u.unit_id, k.item_id, k.stance, k.age_band, k.sex, k.occupation;

-- Comment tables were one per stance; they are one per item now ('ALL': the people, then each
-- stance) and flags (item 0) as before. What the stance tables showed is dropped: no release has
-- left the platform yet (results landed in the same development cycle), so no earlier view needs
-- protecting against.
delete from results.unit_comment where item_id <> 0;
