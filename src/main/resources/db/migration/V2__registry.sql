-- The population registry (the commune's DC01 list): residents, households, e-ID accounts.
create schema registry;

create table registry.household (
  id                bigserial primary key,
  unit_id           bigint not null,
  address           text not null,
  head_citizen_id   char(12)
);

create table registry.resident (
  citizen_id    char(12) primary key check (citizen_id ~ '^[0-9]{12}$'),
  full_name     text not null,
  birth_date    date not null,
  sex           char(1) not null check (sex in ('M', 'F')),
  household_id  bigint references registry.household (id),
  unit_id       bigint not null,
  eid_state     text not null check (eid_state in ('NONE', 'REGISTERED', 'ACTIVATED')),
  eid_level     smallint check (eid_level in (1, 2)),
  check ((eid_state = 'ACTIVATED') = (eid_level is not null))
);

create index resident_unit_idx on registry.resident (unit_id);
