package vn.ykien.daily;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.ykien.units.Unit;

/**
 * One unit's figures in a snapshot, as its printed report carries them.
 *
 * @param figures each figure of the snapshot's layout by name ({@code people}, {@code channel.SELF},
 *     {@code age.OVER_60}, {@code membership.PARTY}, …)
 * @param code the short code printed beside them, which the public check page looks up
 */
public record UnitSnapshot(Snapshot snapshot, Unit unit, @Nullable Long eligibleAtOpening, Map<String, Long> figures, String code) {

  public UnitSnapshot {
    figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
  }

  public long people() {
    return figures.getOrDefault(SnapshotFigures.PEOPLE, 0L);
  }

  /** People against eligible at opening, in percent; null when nobody was eligible or none frozen. */
  public @Nullable Double ratePercent() {
    return eligibleAtOpening == null || eligibleAtOpening == 0 ? null : 100.0 * people() / eligibleAtOpening;
  }
}
