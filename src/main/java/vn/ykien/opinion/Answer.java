package vn.ykien.opinion;

import org.jspecify.annotations.Nullable;

/** The answer on one item of the draft, with an optional comment. */
public record Answer(long itemId, Stance stance, @Nullable String comment) {

  public static final int MAX_COMMENT_LENGTH = 5000;
}
