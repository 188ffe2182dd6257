-- The eligible population of a consultation, frozen when it opens: the stable denominator of
-- participation rates. One row per unit where eligible people live; the header says when.
create table consultation.eligibility_snapshot (
  consultation_id  bigint primary key references consultation.consultation (id),
  taken_at         timestamptz not null,
  eligible         bigint not null check (eligible >= 0)
);

create table consultation.eligible_population (
  consultation_id  bigint not null references consultation.eligibility_snapshot (consultation_id),
  unit_id          bigint not null,
  eligible         bigint not null check (eligible > 0),
  primary key (consultation_id, unit_id)
);
