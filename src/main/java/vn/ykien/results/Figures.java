package vn.ykien.results;

import org.jspecify.annotations.Nullable;
import vn.ykien.opinion.Stance;

/**
 * Released figures of one cell row: the people who answered (always shown) and how many of them
 * took each stance — null where hidden (fewer than k people, or a figure that would give one
 * away).
 */
public record Figures(long people, @Nullable Long approve, @Nullable Long disapprove, @Nullable Long partly) {

  /** Whether the split between stances is shown in full. */
  public boolean split() {
    return approve != null && disapprove != null && partly != null;
  }

  public @Nullable Long of(Stance stance) {
    return switch (stance) {
      case APPROVE -> approve;
      case DISAPPROVE -> disapprove;
      case PARTLY -> partly;
    };
  }

  /** The share of a stance in percent, or null where the figure is hidden (or nobody answered). */
  public @Nullable Double percent(Stance stance) {
    Long count = of(stance);
    return count == null || people == 0 ? null : 100.0 * count / people;
  }
}
