package vn.ykien.classification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the classifier read in one comment.
 *
 * @param items the draft's items it concerns, best first; empty when it is outside the draft or
 *     unclear
 * @param stance the stance of its free text, and the model's probability for it
 * @param unclear why it could not be read, or null
 * @param version the classifier's version, stored with every label
 */
public record CommentClassification(
    List<ItemScore> items,
    CommentStance stance,
    double stanceConfidence,
    @Nullable Unclear unclear,
    String version) {

  public CommentClassification {
    items = List.copyOf(items);
  }

  /** Why a comment could not be read. */
  public enum Unclear {
    /** No letters or digits: empty, only emoji or punctuation. */
    NOTHING_TO_READ,
    /** Mostly another script than Vietnamese's Latin letters. */
    OTHER_SCRIPT,
    /** Latin letters, but mostly words that are not Vietnamese syllables (English, French…). */
    OTHER_LANGUAGE
  }

  /** Outside the draft: readable, but about none of its items. */
  public boolean outsideDraft() {
    return unclear == null && items.isEmpty();
  }
}
