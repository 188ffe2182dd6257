-- Changes to who may take part and where, logged by the registry in the transaction that makes
-- them (any path: imports, the demo, an administrator's SQL), so that reporting keeps the "now"
-- denominators current incrementally instead of counting the registry (issue 11).
--
-- Only changes that matter to eligibility are logged: a person with an activated level-2 e-ID
-- before or after, whose unit, birth date or e-ID changed. Writers take an advisory lock (class
-- 0x594B, id 4) before logging and hold it until they commit: ids are therefore in commit order,
-- and a reader that has read up to id n has seen every change before it.
create table registry.resident_change (
  id              bigserial primary key,
  citizen_id      char(12) not null,
  -- before: null unit for a person who was not eligible (or not there)
  old_unit_id     bigint,
  old_birth_date  date,
  new_unit_id     bigint,
  new_birth_date  date,
  changed_at      timestamptz not null default now()
);

create function registry.log_resident_changes() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(22859, 4);
  if tg_op = 'INSERT' then
    insert into registry.resident_change (citizen_id, new_unit_id, new_birth_date)
    select n.citizen_id, n.unit_id, n.birth_date
    from new_rows n
    where n.eid_state = 'ACTIVATED' and n.eid_level = 2;
  elsif tg_op = 'UPDATE' then
    insert into registry.resident_change (citizen_id, old_unit_id, old_birth_date, new_unit_id, new_birth_date)
    select n.citizen_id,
           case when o.eid_state = 'ACTIVATED' and o.eid_level = 2 then o.unit_id end,
           case when o.eid_state = 'ACTIVATED' and o.eid_level = 2 then o.birth_date end,
           case when n.eid_state = 'ACTIVATED' and n.eid_level = 2 then n.unit_id end,
           case when n.eid_state = 'ACTIVATED' and n.eid_level = 2 then n.birth_date end
    from old_rows o join new_rows n on n.citizen_id = o.citizen_id
    where ((o.eid_state = 'ACTIVATED' and o.eid_level = 2) or (n.eid_state = 'ACTIVATED' and n.eid_level = 2))
      and (o.unit_id, o.birth_date, o.eid_state = 'ACTIVATED' and o.eid_level = 2)
          is distinct from (n.unit_id, n.birth_date, n.eid_state = 'ACTIVATED' and n.eid_level = 2);
  else
    insert into registry.resident_change (citizen_id, old_unit_id, old_birth_date)
    select o.citizen_id, o.unit_id, o.birth_date
    from old_rows o
    where o.eid_state = 'ACTIVATED' and o.eid_level = 2;
  end if;
  return null;
end
$$;

create trigger resident_inserted after insert on registry.resident
  referencing new table as new_rows
  for each statement execute function registry.log_resident_changes();
create trigger resident_updated after update on registry.resident
  referencing old table as old_rows new table as new_rows
  for each statement execute function registry.log_resident_changes();
create trigger resident_deleted after delete on registry.resident
  referencing old table as old_rows
  for each statement execute function registry.log_resident_changes();

-- How far in that log each consultation's "now" denominators are.
alter table reporting.eligible_refresh add column registry_change_id bigint not null default 0;
