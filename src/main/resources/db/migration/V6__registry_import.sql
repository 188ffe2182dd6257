-- The registry as the population database (DC01) delivers it: household numbers, occupation
-- groups and memberships, imported in bulk.
alter table registry.household add column code text;
update registry.household set code = 'H' || id where code is null;
alter table registry.household alter column code set not null;
alter table registry.household add constraint household_code_unique unique (code);

alter table registry.resident
  add column occupation text check (occupation in (
    'STUDENT', 'FARMER', 'WORKER', 'CIVIL_SERVANT', 'ARMED_FORCES', 'BUSINESS', 'INTELLECTUAL',
    'RETIRED', 'OTHER')),
  add column memberships text[] not null default '{}';

create index resident_household_idx on registry.resident (household_id);

-- Households added without a DC01 number get one of their own.
create sequence registry.household_code_seq;
alter table registry.household alter column code set default ('HH' || nextval('registry.household_code_seq'));
