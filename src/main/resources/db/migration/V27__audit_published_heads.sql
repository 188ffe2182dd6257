-- The audit trail's head, signed once a day and published (issue 12): someone who rewrites the
-- trail inside the database and recomputes its hash chain still cannot produce the platform's
-- signature over the heads that were already published and copied elsewhere.
create table audit.published_head (
  -- the day (Vietnam time) whose end the head describes
  day          date primary key,
  -- the last entry written before the day ended (0: none yet), and that entry's hash
  entry_id     bigint not null check (entry_id >= 0),
  hash         bytea not null,
  published_at timestamptz not null,
  -- Ed25519 over "ykien-audit-head/1", the day, the entry id and the hash (AuditHeads.signedText)
  signature    bytea not null
);

create trigger published_head_append_only before update or delete on audit.published_head
  for each row execute function audit.refuse_change();
create trigger published_head_no_truncate before truncate on audit.published_head
  for each statement execute function audit.refuse_change();
