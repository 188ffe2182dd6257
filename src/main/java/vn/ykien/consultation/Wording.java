package vn.ykien.consultation;

/** Which wording of an article a text file carries. */
public enum Wording {
  /** The wording in force (e.g. the 2013 Constitution). */
  CURRENT,
  /** The wording the draft proposes. */
  PROPOSED
}
