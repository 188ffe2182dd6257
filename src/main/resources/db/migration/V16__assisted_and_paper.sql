-- How each submission reached the platform and who helped: participation data (the receipt row
-- is one submission on the participation side), never content.
alter table opinion.receipt
  add column channel text not null default 'SELF' check (channel in ('SELF', 'ASSISTED', 'PAPER')),
  -- the username of the officer who helped (ASSISTED) or entered the paper form (PAPER)
  add column official text,
  -- where: the support point, the door, the meeting
  add column place text,
  -- the number written on the signed paper form: one paper form is entered once
  add column paper_reference text,
  add constraint receipt_assistance_check check (
    (channel = 'SELF' and official is null and place is null and paper_reference is null)
    or (channel = 'ASSISTED' and official is not null and place is not null and paper_reference is null)
    or (channel = 'PAPER' and official is not null and place is not null and paper_reference is not null));

update opinion.receipt r set channel = p.channel
from opinion.participation p
where p.receipt_number = r.number and p.channel = 'SELF';

create unique index receipt_paper_reference_idx
  on opinion.receipt (consultation_id, paper_reference) where paper_reference is not null;

-- A support point's code for one day: a citizen helped there (or at their door) gives it with
-- their opinion, and the submission records the officer and the place.
create table opinion.assistance_code (
  code             text primary key,
  consultation_id  bigint not null,
  official         text not null,
  unit_id          bigint not null,
  place            text not null check (char_length(place) between 1 and 200),
  valid_on         date not null,
  created_at       timestamptz not null
);

create index assistance_code_official_idx on opinion.assistance_code (official, valid_on);
