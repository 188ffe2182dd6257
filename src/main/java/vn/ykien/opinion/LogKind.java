package vn.ykien.opinion;

/** The two logs a submission writes, which readers downstream follow. */
public enum LogKind {
  /** Who took part where and how: {@link ParticipationLog}, under the citizen, no pseudonym. */
  PARTICIPATION,
  /** What was said, placed at the commune: {@link OpinionLog}, under the opinion's pseudonym. */
  CONTENT
}
