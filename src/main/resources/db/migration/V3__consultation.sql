-- Consultations on drafts: the document, its items, the window and the scope.
create schema consultation;

create table consultation.consultation (
  id              bigserial primary key,
  slug            text not null unique,
  title_vi        text not null,
  title_en        text not null,
  description_vi  text not null,
  description_en  text not null,
  opens_at        timestamptz not null,
  closes_at       timestamptz not null,
  -- null: the whole country; otherwise only residents of this unit's subtree may take part
  scope_unit_id   bigint,
  minimum_age     int not null default 14,
  check (closes_at > opens_at)
);

create table consultation.item (
  id                  bigserial primary key,
  consultation_id     bigint not null references consultation.consultation (id),
  position            int not null,
  code                text not null,
  -- the article number this item amends, to match wording files; null for other items
  article             int,
  label_vi            text not null,
  label_en            text not null,
  title_vi            text not null,
  title_en            text not null,
  summary_vi          text not null,
  summary_en          text not null,
  current_text        text,
  current_source      text,
  proposed_text       text,
  proposed_source     text,
  proposed_is_excerpt boolean not null default false,
  unique (consultation_id, code),
  unique (consultation_id, position)
);
