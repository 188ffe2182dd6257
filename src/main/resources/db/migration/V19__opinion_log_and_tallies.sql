-- One write, many readers (ADR 0003). A submission writes one row of the opinion log in its own
-- transaction and nothing else happens on its behalf; readers in other modules follow the log in
-- batches and store how far they got in the same transaction as what they wrote.

-- The log: one row per submission or withdrawal, with what readers count it by. The answers and
-- comments of the revision are in opinion.answer_revision / general_comment_revision, keyed by the
-- same (consultation, pseudonym, revision); the predecessor of a revision is revision - 1.
create table opinion.change_log (
  id               bigint generated always as identity,
  -- the writing transaction: a reader takes only rows of transactions older than every one still
  -- running (pg_snapshot_xmin), so a row committed late is never skipped
  xid              xid8 not null default pg_current_xact_id(),
  consultation_id  bigint not null,
  pseudonym        bytea not null,
  revision         int not null,
  withdrawn        boolean not null,
  -- where and how the person took part, in which group (null on a withdrawal)
  unit_id          bigint,
  channel          text check (channel in ('SELF', 'ASSISTED', 'PAPER')),
  age_band         text,
  sex              text,
  occupation       text,
  memberships      int not null default 0,
  -- the day the current participation began (a revision keeps it), and this change's day and hour
  first_day        date,
  day              date not null,
  hour             timestamptz not null,
  primary key (id)
);
create index change_log_position_idx on opinion.change_log (xid, id);
create unique index change_log_revision_idx on opinion.change_log (consultation_id, pseudonym, revision);

-- How far each reader of the log got, written in the reader's own transaction.
create table reporting.log_position (
  reader  text primary key,
  xid     xid8 not null,
  id      bigint not null
);
create table classification.log_position (
  reader  text primary key,
  xid     xid8 not null,
  id      bigint not null
);

-- Changes a reader could not apply, with the reason; the reader went on past them.
create table reporting.parked_change (
  reader     text not null,
  change_id  bigint not null,
  reason     text not null,
  parked_at  timestamptz not null,
  primary key (reader, change_id)
);
create table classification.parked_change (
  reader     text not null,
  change_id  bigint not null,
  reason     text not null,
  parked_at  timestamptz not null,
  primary key (reader, change_id)
);

-- The lineage of every unit that appears in the tallies (itself first, then each unit above it),
-- so that a change is counted at every level without walking the tree on a page view.
create table reporting.unit_lineage (
  unit_id  bigint primary key,
  lineage  bigint[] not null
);

-- Participation: people per unit at every level × day the participation began × channel × group
-- × memberships (a bit per reporting membership). A person counts once at each unit of their
-- lineage; the unit's own row is its whole subtree.
drop table reporting.participation_tally;
drop table reporting.applied_event;
create table reporting.participation_count (
  consultation_id  bigint not null,
  unit_id          bigint not null,
  day              date not null,
  channel          text not null,
  age_band         text not null,
  sex              text not null,
  occupation       text not null,
  memberships      int not null,
  people           bigint not null,
  primary key (consultation_id, unit_id, channel, day, age_band, sex, occupation, memberships)
);

-- Answers: per unit at every level × item × stance × channel × group: answers (one per person and
-- item, so also people) and comments.
create table reporting.answer_count (
  consultation_id  bigint not null,
  unit_id          bigint not null,
  item_id          bigint not null,
  stance           text not null,
  channel          text not null,
  age_band         text not null,
  sex              text not null,
  occupation       text not null,
  answers          bigint not null,
  comments         bigint not null,
  primary key (consultation_id, unit_id, item_id, stance, channel, age_band, sex, occupation)
);

-- Age bands as the national reports used them (< 18, 18–34, 35–44, 45–60, > 60). Comments stored
-- under the earlier bands take the nearest new one.
update classification.comment set age_band = case age_band
  when 'FROM_18_TO_34' then 'FROM_18_TO_34'
  when 'FROM_35_TO_44' then 'FROM_35_TO_44'
  when 'FROM_45_TO_60' then 'FROM_45_TO_60'
  else age_band end;

-- The headline per unit (at every level) and channel, kept with the detail above so that a page
-- of 34 provinces reads 34 × 3 rows.
create table reporting.participation_total (
  consultation_id  bigint not null,
  unit_id          bigint not null,
  channel          text not null,
  people           bigint not null,
  primary key (consultation_id, unit_id, channel)
);

-- Denominators per unit at every level: frozen at opening (from the consultation's snapshot) and
-- as the registry says now (refreshed off the request path); pages never count the registry.
create table reporting.eligible_count (
  consultation_id  bigint not null,
  unit_id          bigint not null,
  at_opening       bigint,
  now              bigint not null,
  primary key (consultation_id, unit_id)
);
create table reporting.eligible_refresh (
  consultation_id  bigint primary key,
  refreshed_at     timestamptz not null,
  snapshot_rolled  boolean not null
);

-- A classified comment looks up whether an analyst corrected the same wording: without this index
-- that lookup read every comment of the consultation (2.4 ms at 6,000 comments, growing with them).
create index comment_corrected_text_idx on classification.comment (consultation_id, text)
  where corrected_stance is not null;
