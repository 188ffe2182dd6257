-- The daily reporting chain (issue 14): at each level's cut-off, a frozen, signed snapshot of every
-- unit's participation figures. Participation only: never what anyone said.
create schema daily;

-- A consultation's own cut-off for a level, where it differs from the configured default: a whole
-- hour, Vietnam time (the participation log keeps the hour of each change, not the minute).
create table daily.cut_off (
  consultation_id  bigint not null,
  level            text not null check (level in ('VILLAGE', 'COMMUNE', 'PROVINCE', 'NATION')),
  at_hour          int not null check (at_hour between 0 and 23),
  primary key (consultation_id, level)
);

-- One snapshot per consultation, level and day: everyone whose participation began before the
-- cut-off and was not withdrawn by then, per unit of the level and of the level below.
create table daily.snapshot (
  id               bigint generated always as identity primary key,
  consultation_id  bigint not null,
  level            text not null check (level in ('VILLAGE', 'COMMUNE', 'PROVINCE', 'NATION')),
  day              date not null,
  cut_off          timestamptz not null,
  taken_at         timestamptz not null,
  -- the names of the figures, in the order every unit's row holds them
  layout           text not null,
  units            int not null,
  -- SHA-256 over the signed text of every unit's row, in unit order; signed with the snapshot key
  digest           bytea not null,
  signature        bytea not null,
  unique (consultation_id, level, day)
);

create table daily.snapshot_unit (
  snapshot_id          bigint not null references daily.snapshot (id),
  unit_id              bigint not null,
  eligible_at_opening  bigint,
  figures              bigint[] not null,
  -- the unit's row as printed, signed on its own, and the short code the printed report carries
  signature            bytea not null,
  code                 text not null,
  primary key (snapshot_id, unit_id)
);
create unique index snapshot_unit_code_idx on daily.snapshot_unit (code);

-- Taken once, never changed: a correction is a report's new version, not a new snapshot.
create function daily.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'daily snapshots are never changed or deleted';
end $$;
create trigger snapshot_frozen before update or delete on daily.snapshot
  for each row execute function daily.refuse_change();
create trigger snapshot_unit_frozen before update or delete on daily.snapshot_unit
  for each row execute function daily.refuse_change();
