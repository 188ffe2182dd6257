-- A general comment on the whole draft, beside the answers per item: content, so it is kept
-- under the same keyed pseudonym, without a time, and every revision is kept (dated to the day).
create table opinion.general_comment (
  consultation_id  bigint not null,
  pseudonym        bytea not null,
  comment          text not null check (char_length(comment) <= 5000),
  primary key (consultation_id, pseudonym)
);

create table opinion.general_comment_revision (
  consultation_id  bigint not null,
  pseudonym        bytea not null,
  revision         int not null,
  -- null: this revision has no general comment (an earlier one was removed)
  comment          text,
  submitted_on     date not null,
  primary key (consultation_id, pseudonym, revision)
);
