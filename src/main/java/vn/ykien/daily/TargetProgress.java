package vn.ykien.daily;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.units.Unit;

/**
 * How far a target is, from the latest daily snapshot: people of its population who took part,
 * the daily rate of the last days, where that rate leads by the deadline, and the units below
 * whose own handed-down targets that rate would miss.
 *
 * @param asOf the snapshot the figures are from; null before the first
 */
public record TargetProgress(
    Target target, @Nullable Snapshot asOf, long reached, double perDay, long projected, List<Miss> below) {

  public TargetProgress {
    below = List.copyOf(below);
  }

  public double percentReached() {
    return 100.0 * reached / target.people();
  }

  public boolean willMiss() {
    return projected < target.people();
  }

  /** A unit below whose target the current rate misses. */
  public record Miss(Unit unit, Target target, long reached, long projected) {}
}
