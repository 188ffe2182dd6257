-- Every receipt ever issued, so that any of them can be verified (not only the latest): the
-- signature proves the platform issued it, this table says whether it still stands. No citizen
-- id and nothing of the content: a receipt proves participation only.
create table opinion.receipt (
  number           text primary key,
  consultation_id  bigint not null,
  -- to the second, as signed
  issued_at        timestamptz not null,
  revoked_at       timestamptz
);

insert into opinion.receipt (number, consultation_id, issued_at)
select receipt_number, consultation_id, date_trunc('second', last_submitted_at)
from opinion.participation;
