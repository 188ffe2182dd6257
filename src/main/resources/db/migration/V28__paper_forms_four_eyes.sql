-- A paper form counts only when a second officer has typed it again and both entries agree
-- (issue 12: four eyes). The first entry waits here: who typed it, where, for whom, and a keyed
-- digest of what it says (never the answers themselves). The second, matching entry removes it
-- and is submitted in the same transaction; the audit trail records the confirmation.
create table opinion.paper_entry (
  consultation_id bigint not null,
  reference       text not null,
  citizen_id      text not null,
  unit_id         bigint not null,
  place           text not null check (char_length(place) between 1 and 200),
  entered_by      text not null,
  entered_at      timestamptz not null,
  -- HMAC (the pseudonym key) over the consultation, the form number, the person and the answers
  digest          bytea not null,
  primary key (consultation_id, reference)
);

create index paper_entry_unit_idx on opinion.paper_entry (unit_id, entered_at);

-- Who confirmed a paper form (the second officer), beside the one who entered it first.
alter table opinion.receipt add column paper_confirmed_by text;
alter table opinion.receipt
  add constraint receipt_paper_confirmed_check
  check (channel <> 'PAPER' or (paper_confirmed_by is not null and paper_confirmed_by <> official))
  not valid;
