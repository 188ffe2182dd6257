package vn.ykien.reporting;

import java.util.Map;
import vn.ykien.opinion.Channel;
import vn.ykien.units.Unit;

/**
 * Participation in one unit (its whole subtree): who took part, by channel, against the
 * population that may take part.
 */
public record UnitParticipation(Unit unit, long eligible, Map<Channel, Long> participantsByChannel) {

  public long participants() {
    return participantsByChannel.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Share of the eligible population that took part, in percent (0 when none is eligible). */
  public double ratePercent() {
    return eligible == 0 ? 0 : 100.0 * participants() / eligible;
  }
}
