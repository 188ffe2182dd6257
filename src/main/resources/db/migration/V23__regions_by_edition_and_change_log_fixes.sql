-- Regions belong to an edition's provinces: pre-reform codes overlap the current ones ('80' was
-- Long An, now Tây Ninh). The rows of V21 are the 1 July 2025 structure (edition '2026-07').
alter table units.province_region add column edition text not null default '2026-07';
alter table units.province_region alter column edition drop default;
alter table units.province_region drop constraint province_region_pkey;
alter table units.province_region add primary key (edition, province_code);

-- How far the resident change log has been trimmed: a consultation whose "now" denominators stand
-- before this must be counted in full again, not followed.
create table registry.resident_change_forgotten (
  only_row  boolean primary key default true check (only_row),
  up_to     bigint not null
);
insert into registry.resident_change_forgotten (up_to) values (0);

-- Writers take the log's lock only when they log something: imports that change no one's
-- eligibility do not wait for each other.
create or replace function registry.log_resident_changes() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if exists (select 1 from new_rows n where n.eid_state = 'ACTIVATED' and n.eid_level = 2) then
      perform pg_advisory_xact_lock(22859, 4);
      insert into registry.resident_change (citizen_id, new_unit_id, new_birth_date)
      select n.citizen_id, n.unit_id, n.birth_date
      from new_rows n
      where n.eid_state = 'ACTIVATED' and n.eid_level = 2;
    end if;
  elsif tg_op = 'UPDATE' then
    if exists (
        select 1 from old_rows o join new_rows n on n.citizen_id = o.citizen_id
        where ((o.eid_state = 'ACTIVATED' and o.eid_level = 2) or (n.eid_state = 'ACTIVATED' and n.eid_level = 2))
          and (o.unit_id, o.birth_date, o.eid_state = 'ACTIVATED' and o.eid_level = 2)
              is distinct from (n.unit_id, n.birth_date, n.eid_state = 'ACTIVATED' and n.eid_level = 2)) then
      perform pg_advisory_xact_lock(22859, 4);
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
    end if;
  else
    if exists (select 1 from old_rows o where o.eid_state = 'ACTIVATED' and o.eid_level = 2) then
      perform pg_advisory_xact_lock(22859, 4);
      insert into registry.resident_change (citizen_id, old_unit_id, old_birth_date)
      select o.citizen_id, o.unit_id, o.birth_date
      from old_rows o
      where o.eid_state = 'ACTIVATED' and o.eid_level = 2;
    end if;
  end if;
  return null;
end
$$;

-- Changes made before the log existed were never logged: every consultation is counted in full
-- again at once (the scheduled check finds its last count a long time ago).
update reporting.eligible_refresh set refreshed_at = 'epoch';
