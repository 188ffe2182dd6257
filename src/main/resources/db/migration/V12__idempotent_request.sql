-- API requests made with an Idempotency-Key: a retry gets the first answer instead of a second
-- revision. The fingerprint is an HMAC (the pseudonym key, kept outside the database) of the
-- request's answers, so a key reused for a different opinion is refused without storing, next
-- to the citizen's id, anything from which the content could be read.
create table opinion.idempotent_request (
  consultation_id  bigint not null,
  citizen_id       char(12) not null,
  key              text not null,
  fingerprint      bytea not null,
  receipt_number   text not null,
  revision         int not null,
  created_at       timestamptz not null,
  primary key (consultation_id, citizen_id, key)
);

create index idempotent_request_created_idx on opinion.idempotent_request (created_at);
