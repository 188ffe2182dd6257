package vn.ykien.results.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * k: the fewest people a content figure may be about (integrity rule 2). A deployment may raise
 * it; below 10 the platform refuses to start.
 */
@Component
public class MinimumGroup {

  /** The floor the rules set. */
  public static final int FLOOR = 10;

  private final int value;

  public MinimumGroup(@Value("${ykien.results.minimum-group:10}") int value) {
    if (value < FLOOR) {
      throw new IllegalStateException(
          "ykien.results.minimum-group is " + value + ": content figures need groups of at least " + FLOOR + " people");
    }
    this.value = value;
  }

  public int value() {
    return value;
  }
}
