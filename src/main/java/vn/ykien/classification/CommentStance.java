package vn.ykien.classification;

/** What a comment's free text says of the draft, as the stance model reads it. */
public enum CommentStance {
  SUPPORT,
  OPPOSE,
  /** Asks for a change, an addition, a clarification. */
  SUGGEST,
  /** Neither: a question, a remark, thanks. */
  NEUTRAL,
  /** Nothing to read: empty, only emoji or punctuation, another language or script. */
  UNCLEAR;

  public String messageKey() {
    return "classification.stance." + name();
  }
}
