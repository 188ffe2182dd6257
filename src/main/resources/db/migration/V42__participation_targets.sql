-- Participation targets (issue 14): how many people of a population of a unit should have taken
-- part by a deadline, set at a unit and handed down to the units below. Only participation: the
-- measure can be nothing else (integrity rule 3), here as in the code.
create table daily.target (
  id               bigint generated always as identity primary key,
  consultation_id  bigint not null,
  unit_id          bigint not null,
  population       text not null check (population in ('ELIGIBLE', 'COMMUNE_STAFF', 'PARTY', 'YOUTH_UNION',
                     'WOMEN_UNION', 'VETERANS', 'FARMERS_UNION', 'FATHERLAND_FRONT', 'TRADE_UNION')),
  measure          text not null check (measure = 'PARTICIPATION'),
  people           bigint not null check (people > 0),
  -- the share of the eligible it was set as, where it was (a population of all eligible residents)
  percent          numeric(5, 2) check (percent > 0 and percent <= 100),
  deadline         date not null,
  -- the target it was handed down from, and how
  parent_id        bigint references daily.target (id),
  split            text check (split in ('SAME_RATE', 'EVENLY', 'BY_ELIGIBLE', 'BY_HAND')),
  set_by           text not null,
  set_at           timestamptz not null,
  unique (consultation_id, unit_id, population, deadline)
);
