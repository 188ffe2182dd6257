-- Content figures in the daily snapshots (issue 14): at commune level and above, a snapshot keeps
-- what the latest release of results showed of each unit's everyone row per item when it was
-- taken (hidden figures null), since a later release replaces those figures in results. Copied
-- from a release only: nothing of content is computed here.
alter table daily.snapshot add column results_release int, add column results_released_at timestamptz;

create table daily.snapshot_content (
  snapshot_id  bigint not null references daily.snapshot (id),
  unit_id      bigint not null,
  item_id      bigint not null,
  people       bigint not null check (people >= 0),
  approve      bigint check (approve >= 0),
  disapprove   bigint check (disapprove >= 0),
  partly       bigint check (partly >= 0),
  primary key (snapshot_id, unit_id, item_id)
);

create trigger snapshot_content_frozen before update or delete on daily.snapshot_content
  for each row execute function daily.refuse_change();
