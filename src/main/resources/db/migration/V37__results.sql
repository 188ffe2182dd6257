-- Released results: only figures that are public once released (never a true hidden value), so a
-- copy of this schema tells no more than the published pages.
create schema if not exists results;

-- One row per release of a consultation's results, with what its suppression did.
create table results.release (
  consultation_id  bigint not null,
  number           int not null,
  released_at      timestamptz not null,
  top_unit_id      bigint,
  items            int not null,
  cells            bigint not null,
  hidden           bigint not null,
  withheld_items   int not null,
  millis           bigint not null,
  primary key (consultation_id, number)
);

-- The latest release's cells of one unit and item, in the order of the groups (everyone, then each
-- breakdown's values) × stances (every stance, approve, disapprove, partly): the figure, or -1
-- where hidden; each cell's figure when it was last shown (-1 never) and the people of its row
-- then, which the next release protects changes against.
create table results.unit_item (
  consultation_id  bigint not null,
  unit_id          bigint not null,
  item_id          bigint not null,
  release          int not null,
  shown            bigint[] not null,
  last_shown       bigint[] not null,
  people_then      bigint[] not null,
  primary key (consultation_id, unit_id, item_id)
);
