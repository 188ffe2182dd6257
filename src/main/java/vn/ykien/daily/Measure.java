package vn.ykien.daily;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a target measures: who took part, and nothing else. Integrity rule 3: no target, anywhere,
 * is set on what people said (approval or any other content), so this has one value, and the
 * database refuses any other.
 */
public enum Measure {
  PARTICIPATION;

  /** The measure a name stands for; anything but participation is none. */
  public static Optional<Measure> named(@Nullable String name) {
    return name != null && name.strip().equals(PARTICIPATION.name()) ? Optional.of(PARTICIPATION) : Optional.empty();
  }
}
