-- Daily reports up the hierarchy (issue 14): each unit's report of a day carries the figures of
-- its level's snapshot (never typed) and what the officer adds (outreach done, difficulties,
-- proposals); confirmed once, corrected only by a new version with its reason, all versions kept.
create table daily.report (
  id               bigint generated always as identity primary key,
  consultation_id  bigint not null,
  unit_id          bigint not null,
  day              date not null,
  version          int not null check (version >= 1),
  snapshot_id      bigint not null references daily.snapshot (id),
  meetings         int not null check (meetings between 0 and 100000),
  broadcasts       int not null check (broadcasts between 0 and 100000),
  visits           int not null check (visits between 0 and 1000000),
  difficulties     text not null check (length(difficulties) <= 2000),
  proposals        text not null check (length(proposals) <= 2000),
  -- why a version after the first was made; the first has none
  reason           text check (length(reason) <= 500),
  confirmed_by     text not null,
  confirmed_at     timestamptz not null,
  due_at           timestamptz not null,
  unique (consultation_id, unit_id, day, version),
  check ((version = 1) = (reason is null))
);
create index report_day_idx on daily.report (consultation_id, day, unit_id);

create trigger report_frozen before update or delete on daily.report
  for each row execute function daily.refuse_change();

-- A unit above reminding a unit below that its report of the day is missing (shown in the app;
-- SMS and Zalo adapters would send the same through ReminderChannel).
create table daily.reminder (
  id               bigint generated always as identity primary key,
  consultation_id  bigint not null,
  unit_id          bigint not null,
  day              date not null,
  sent_by          text not null,
  sent_at          timestamptz not null
);
create index reminder_unit_idx on daily.reminder (consultation_id, unit_id, day);
