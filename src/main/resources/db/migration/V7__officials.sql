-- Officials' accounts: each covers one unit and everything below it, with one role.
create schema identity;

create table identity.official (
  username      text primary key check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name  text not null check (length(display_name) between 1 and 200),
  role          text not null check (role in (
                  'NATIONAL_ADMIN', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER', 'GROUP_OFFICER',
                  'ANALYST', 'AUDITOR')),
  -- The unit at the top of the account's scope (units.unit by edition and code; the units module
  -- owns that table, so the link is checked by the application when the account is made).
  unit_edition  text not null,
  unit_code     text not null,
  -- materialised path of that unit (units.unit.path): the accounts in a subtree are a prefix scan
  unit_path     text not null,
  -- Argon2id, in Spring Security's {id} format; null for an account that signs in only by e-ID.
  password_hash text,
  -- Base32 RFC 6238 secret; null when the account has no second factor.
  totp_secret   text,
  -- The official's own personal id, for signing in through the e-ID provider instead of a password.
  citizen_id    text unique check (citizen_id ~ '^[0-9]{12}$'),
  -- The last time step whose code was accepted: a code is good once (RFC 6238, section 5.2).
  totp_last_step bigint,
  active        boolean not null default true,
  created_at    timestamptz not null,
  created_by    text not null,
  check (password_hash is not null or citizen_id is not null)
);

create index official_unit_path_idx on identity.official (unit_path text_pattern_ops);
