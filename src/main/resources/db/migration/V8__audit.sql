-- The audit trail: who viewed which list of people, for what unit, when. Append-only (updates,
-- deletes and truncation are refused) and tamper-evident: each entry's hash covers its content
-- and the previous entry's hash, so a changed or removed entry breaks the chain from there on.
create schema audit;

create table audit.entry (
  id            bigint primary key,
  at            timestamptz not null,
  official      text not null,
  action        text not null,
  unit_edition  text not null,
  unit_code     text not null,
  -- materialised path of the unit (units.unit.path) at the time: an auditor's subtree is a prefix
  unit_path     text not null,
  detail        text not null,
  row_count     int not null check (row_count >= 0),
  previous_hash bytea not null,
  hash          bytea not null unique
);

create index entry_unit_path_idx on audit.entry (unit_path text_pattern_ops, id);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only' using errcode = 'insufficient_privilege';
end
$$;

create trigger entry_append_only before update or delete on audit.entry
  for each row execute function audit.refuse_change();
create trigger entry_no_truncate before truncate on audit.entry
  for each statement execute function audit.refuse_change();
