-- Repeated wrong passwords or codes pause an account for a while (guessing a 6-digit code, or a
-- password, needs many tries).
alter table identity.official
  add column failed_sign_ins int not null default 0,
  add column locked_until timestamptz;
