-- Officials set their own password and enrol their own second factor (issue 12): an account made
-- on the web carries a one-time enrolment code (only its SHA-256 is kept) until its holder uses it.
-- Second-factor secrets are sealed (AES-256-GCM, bound to the username) with a key kept outside
-- the database; the plain column is emptied on start (TotpSecrets) and dropped by a later release.
alter table identity.official
  add column totp_sealed          bytea,
  add column enrolment_hash       bytea unique,
  add column enrolment_expires_at timestamptz,
  add column changed_at           timestamptz,
  add column changed_by           text;

alter table identity.official drop constraint official_check;
alter table identity.official
  add constraint official_signs_in_somehow
  check (password_hash is not null or citizen_id is not null or enrolment_hash is not null);
