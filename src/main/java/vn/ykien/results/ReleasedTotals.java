package vn.ykien.results;

import java.time.Instant;
import java.util.Map;

/**
 * What one release showed of some units' everyone rows, per item (hidden figures null), for a
 * record that must keep them as they were when a later release replaces them (a daily snapshot).
 *
 * @param byUnit per unit id, per item id, its figures; a unit with no answers has no entry
 */
public record ReleasedTotals(int release, Instant releasedAt, Map<Long, Map<Long, Figures>> byUnit) {

  public ReleasedTotals {
    byUnit = Map.copyOf(byUnit);
  }
}
