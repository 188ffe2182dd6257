-- Reporting's own read model, built from opinion events: participants per unit and channel.
create schema reporting;

create table reporting.participation_tally (
  consultation_id  bigint not null,
  unit_id          bigint not null,
  channel          text not null,
  participants     bigint not null,
  primary key (consultation_id, unit_id, channel)
);
