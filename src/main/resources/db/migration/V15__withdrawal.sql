-- Who was given which receipt. Receipts belong to participation (who took part, when), which
-- already names the citizen; never to content. Withdrawing revokes every receipt the citizen got.
alter table opinion.receipt add column citizen_id char(12);

update opinion.receipt r set citizen_id = p.citizen_id
from opinion.participation p
where p.receipt_number = r.number;

create index receipt_holder_idx on opinion.receipt (consultation_id, citizen_id);

-- A withdrawal ends a pseudonym's opinion while the window is open: the current answers and
-- general comment go, the history stays. It takes a revision number of its own, dated to the day,
-- so the citizen's history reads in order.
create table opinion.withdrawal (
  consultation_id  bigint not null,
  pseudonym        bytea not null,
  revision         int not null,
  withdrawn_on     date not null,
  primary key (consultation_id, pseudonym, revision)
);
