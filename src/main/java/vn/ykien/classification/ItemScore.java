package vn.ykien.classification;

/** An item of the draft a comment concerns, with a score in [0, 1] and its strongest signal. */
public record ItemScore(long itemId, double score, Signal signal) {

  /** Where the link between comment and item comes from. */
  public enum Signal {
    /** The comment cites the item's article ("Điều 110", "khoản 2 Điều 110", "dieu 110"). */
    CITATION,
    /** The citizen wrote the comment on this item's form. */
    CURRENT_ITEM,
    /** It contains a keyword an analyst added to the item (with or without diacritics). */
    KEYWORD,
    /** Its words match the item's wording, title or an analyst's keywords (BM25). */
    TEXT,
    /** A model trained on comments that analysts labelled. */
    MODEL
  }
}
