-- Comment classification. Content lives here under the opinion's pseudonym ("author"), as in the
-- opinion schema, with only the coarse facts results are broken down by: the commune (never the
-- village), the citizen group, the day. Officials and analysts see aggregates of it only.
create schema classification;

-- The latest revision of each opinion applied here: events may arrive out of order or twice.
create table classification.author (
  consultation_id  bigint not null,
  author           text not null,
  revision         int not null,
  primary key (consultation_id, author)
);

-- A campaign: comments with (nearly) the same wording. One row per distinct wording seen; its
-- signature is that of the first comment, which others are compared with.
create table classification.campaign (
  id               bigserial primary key,
  consultation_id  bigint not null,
  signature        int[] not null,
  first_day        date not null
);

-- LSH bands of each campaign's signature: a new comment sharing a band is a candidate.
create table classification.campaign_band (
  consultation_id  bigint not null,
  band             bigint not null,
  campaign_id      bigint not null references classification.campaign (id),
  primary key (consultation_id, band, campaign_id)
);

-- When comments of a campaign arrived, per commune and hour: counts only, so that 3,000 copies
-- from one commune in one hour stand out without dating any single comment beyond its day.
create table classification.campaign_arrival (
  campaign_id  bigint not null references classification.campaign (id),
  commune_id   bigint not null,
  hour         timestamptz not null,
  comments     int not null,
  primary key (campaign_id, commune_id, hour)
);

create table classification.comment (
  id                  bigserial primary key,
  consultation_id     bigint not null,
  author              text not null,
  -- null: a comment on the draft as a whole
  item_id             bigint,
  chosen_stance       text,
  text                text not null,
  commune_id          bigint not null,
  unit_path           text not null,
  age_band            text not null,
  sex                 char(1) not null,
  occupation          text,
  channel             text not null,
  day                 date not null,
  campaign_id         bigint references classification.campaign (id),
  -- the classifier's reading, with its version; corrected_* by an analyst
  version             text not null,
  stance              text not null,
  stance_confidence   real not null,
  unclear             text,
  corrected_stance    text,
  corrected_by        text,
  corrected_at        timestamptz
);

create unique index comment_author_item_idx
  on classification.comment (consultation_id, author, coalesce(item_id, 0));
create index comment_campaign_idx on classification.comment (campaign_id);
create index comment_consultation_idx on classification.comment (consultation_id, unit_path);
create index comment_version_idx on classification.comment (consultation_id, version, id);

-- The items a comment concerns, with a score and the signal that gave it.
create table classification.comment_item (
  comment_id  bigint not null references classification.comment (id) on delete cascade,
  item_id     bigint not null,
  score       real not null,
  signal      text not null,
  primary key (comment_id, item_id)
);

create index comment_item_item_idx on classification.comment_item (item_id);

-- Words an analyst adds to an item so that comments using them find it.
create table classification.item_keyword (
  item_id  bigint not null,
  keyword  text not null,
  added_by text not null,
  primary key (item_id, keyword)
);
