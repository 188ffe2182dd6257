package vn.ykien.reporting;

import org.jspecify.annotations.Nullable;
import java.util.Map;
import vn.ykien.opinion.Channel;
import vn.ykien.units.Unit;

/**
 * Participation in one unit (its whole subtree): who took part, by channel, against the
 * population that may take part.
 *
 * @param eligible who may take part as the registry says now
 * @param eligibleAtOpening who could take part when the consultation opened (the frozen
 *     snapshot); null until the snapshot is taken
 */
public record UnitParticipation(
    Unit unit,
    long eligible,
    @Nullable Long eligibleAtOpening,
    Map<Channel, Long> participantsByChannel) {

  public long participants() {
    return participantsByChannel.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Share of the eligible population that took part, in percent (0 when none is eligible):
   * against the population frozen at opening once there is one, so that the rate does not move
   * with registry updates.
   */
  public double ratePercent() {
    long denominator = eligibleAtOpening != null ? eligibleAtOpening : eligible;
    return denominator == 0 ? 0 : 100.0 * participants() / denominator;
  }

  /** Share of the eligible population as the registry says now, in percent (0 when none is). */
  public double rateNowPercent() {
    return eligible == 0 ? 0 : 100.0 * participants() / eligible;
  }

  /** The rate's band of 20 points for maps and tiles: 0 (under 20 %) to 4 (80 % and more). */
  public int rateBand() {
    return (int) Math.min(4, Math.max(0, Math.floor(ratePercent() / 20)));
  }
}
