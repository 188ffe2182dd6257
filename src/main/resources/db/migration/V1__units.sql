-- Administrative units: a hierarchy of any depth, kept as data.
-- An edition is one version of the country's structure (e.g. before and after the 2025 reform).
create schema units;

create table units.edition (
  code        text primary key,
  name_vi     text not null,
  name_en     text not null,
  source      text not null,
  imported_at timestamptz not null
);

create table units.unit (
  id           bigserial primary key,
  edition      text not null references units.edition (code),
  code         text not null,
  parent_id    bigint references units.unit (id),
  kind         text not null check (kind in ('NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE')),
  category_vi  text not null,
  category_en  text not null,
  name_vi      text not null,
  name_en      text not null,
  depth        int not null,
  -- materialised path of ids, '/1/5/322/': a subtree is one prefix scan
  path         text not null,
  unique (edition, code)
);

create index unit_parent_idx on units.unit (parent_id);
create index unit_path_idx on units.unit (path text_pattern_ops);
