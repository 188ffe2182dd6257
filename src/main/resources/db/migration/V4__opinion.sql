-- Opinions. Participation (who took part, when, how) and content (what was said) live apart:
-- content is keyed by a keyed pseudonym of the citizen, never by the citizen id, and carries no
-- exact time and no counter shared with participation, so the two cannot be joined on them.
create schema opinion;

create table opinion.participation (
  consultation_id     bigint not null,
  citizen_id          char(12) not null,
  unit_id             bigint not null,
  channel             text not null check (channel in ('SELF', 'ASSISTED', 'PAPER')),
  first_submitted_at  timestamptz not null,
  last_submitted_at   timestamptz not null,
  receipt_number      text not null unique,
  primary key (consultation_id, citizen_id)
);

create index participation_unit_idx on opinion.participation (consultation_id, unit_id);

-- The current answer per item: the latest revision counts.
create table opinion.answer (
  consultation_id  bigint not null,
  pseudonym        bytea not null,
  item_id          bigint not null,
  stance           text not null check (stance in ('APPROVE', 'DISAPPROVE')),
  comment          text check (char_length(comment) <= 5000),
  primary key (consultation_id, pseudonym, item_id)
);

-- Every revision is kept (append-only), ordered per pseudonym, dated to the day only.
create table opinion.answer_revision (
  consultation_id  bigint not null,
  pseudonym        bytea not null,
  item_id          bigint not null,
  revision         int not null,
  stance           text not null,
  comment          text,
  submitted_on     date not null,
  primary key (consultation_id, pseudonym, item_id, revision)
);
