-- Participation apart from content (issue 12, point 2; ADR 0004). The submission's transaction
-- writes who took part where and how to a participation log, keyed by the citizen (the
-- participation side knows who anyway) and without the opinion's pseudonym; the participation
-- tallies follow it. The opinion log (opinion.change_log) keeps the content side only, placed no
-- closer than the commune and dated no closer than the day (V34).
create table opinion.participation_log (
  id               bigint generated always as identity,
  -- the writing transaction, as in opinion.change_log: readers take rows of transactions older
  -- than every log writer still running
  xid              xid8 not null default pg_current_xact_id(),
  consultation_id  bigint not null,
  citizen_id       char(12) not null,
  -- 1, 2, … per person: the predecessor of a change is seq - 1
  seq              int not null,
  withdrawn        boolean not null,
  -- where (the lowest unit) and how the person took part, in which group (null on a withdrawal)
  unit_id          bigint,
  channel          text check (channel in ('SELF', 'ASSISTED', 'PAPER')),
  age_band         text,
  sex              text,
  occupation       text,
  memberships      int not null default 0,
  first_day        date,
  day              date not null,
  hour             timestamptz not null,
  primary key (id)
);
create index participation_log_position_idx on opinion.participation_log (xid, id);
create unique index participation_log_seq_idx on opinion.participation_log (consultation_id, citizen_id, seq);
