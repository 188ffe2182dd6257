package vn.ykien.opinion;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The answer on one item: tán thành / không tán thành / đồng ý một phần. */
public enum Stance {
  APPROVE,
  DISAPPROVE,
  /** Partly agree: the comment, required then, says with which part. */
  PARTLY;

  /** Whether an answer with this stance must say more in its comment. */
  public boolean needsText() {
    return this == PARTLY;
  }

  public String messageKey() {
    return "opinion.stance." + name();
  }

  /** The stance a form or request names, if it names a valid one. */
  public static Optional<Stance> parse(@Nullable String value) {
    for (Stance stance : values()) {
      if (stance.name().equals(value)) {
        return Optional.of(stance);
      }
    }
    return Optional.empty();
  }
}
