package vn.ykien.reporting;

import org.jspecify.annotations.Nullable;
import vn.ykien.units.Region;
import vn.ykien.units.Settlement;

/**
 * Participation in a group of units that is not itself a unit: a socio-economic region (its
 * provinces), or the urban or the rural communes of a unit.
 *
 * @param region the region; null for a settlement, or for provinces without a region
 * @param settlement urban or rural; null for a region
 * @param eligibleAtOpening null until the consultation's snapshot is taken
 */
public record AreaParticipation(
    @Nullable Region region,
    @Nullable Settlement settlement,
    int units,
    long eligible,
    @Nullable Long eligibleAtOpening,
    long participants) {

  /** Share of the eligible population that took part, in percent, as {@link UnitParticipation#ratePercent()}. */
  public double ratePercent() {
    long denominator = eligibleAtOpening != null ? eligibleAtOpening : eligible;
    return denominator == 0 ? 0 : 100.0 * participants / denominator;
  }
}
