package vn.ykien.opinion;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The answer on one item: tán thành / không tán thành. */
public enum Stance {
  APPROVE,
  DISAPPROVE;

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
