-- Content written apart from participation (issue 12, point 2; ADR 0004). A submission's
-- transaction no longer writes answers, comments or the opinion log: it seals them to the mixer
-- (X25519 + AES-GCM) into this inbox. The mixer, with the private key, takes the waiting
-- envelopes in batches (at least ykien.opinion.mixer.min-batch, or when the oldest waited
-- ykien.opinion.mixer.max-wait), shuffles them, writes their answers, comments and opinion-log
-- rows in that order in one transaction of its own, and deletes them. A copy of the database
-- pairs an envelope with its participation (same transaction) but cannot read it; the content it
-- becomes is written by another transaction, among the batch's others.
create table opinion.content_inbox (
  -- random: the envelope's id says nothing of when it came
  id      uuid primary key default gen_random_uuid(),
  -- the order the mixer takes envelopes in, so that one person's revisions stay in order
  seq     bigint generated always as identity,
  sealed  bytea not null,
  since   timestamptz not null default now()
);
create index content_inbox_seq_idx on opinion.content_inbox (seq);

-- Envelopes the mixer could not open or apply, kept (still sealed) with the reason.
create table opinion.content_parked (
  id         uuid primary key,
  sealed     bytea not null,
  reason     text not null,
  parked_at  timestamptz not null
);

-- What the citizen sent last, sealed under the web servers' key, so that their own pages show it
-- before the mixer has written it (participation's side: beside the citizen, never read by an
-- official's page; the row goes with a withdrawal).
alter table opinion.participation add column pending_revision int, add column pending_content bytea;
