-- Five wrong passwords locked an official's account for 15 minutes, so anyone could lock out
-- canbo.<commune> on purpose (issue 12). Failures now slow down the address they come from: per
-- account and address, and per address across accounts, with growing delays; the holder signing
-- in from elsewhere is never stopped by a stranger's failures.
create table identity.sign_in_throttle (
  -- '' for the address's failures across every account
  username         text not null,
  address          inet not null,
  failures         int not null,
  last_failure_at  timestamptz not null,
  primary key (username, address)
);

create index sign_in_throttle_last_failure_idx on identity.sign_in_throttle (last_failure_at);

alter table identity.official drop column failed_sign_ins, drop column locked_until;
