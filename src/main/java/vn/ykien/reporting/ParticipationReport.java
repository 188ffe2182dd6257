package vn.ykien.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.EligiblePopulation;
import vn.ykien.opinion.Channel;
import vn.ykien.reporting.internal.TallyStore;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Participation per unit for officials: counts only, never content. Reads the tallies and the
 * denominators kept per unit at every level (one row per unit and channel), so that a national
 * page costs what a village page costs.
 */
@Service
public class ParticipationReport {

  private final Units units;
  private final EligiblePopulation population;
  private final TallyStore tallies;

  ParticipationReport(Units units, EligiblePopulation population, TallyStore tallies) {
    this.units = units;
    this.population = population;
    this.tallies = tallies;
  }

  /** The unit itself, then each of its child units, each with its whole subtree counted. */
  @Transactional(readOnly = true)
  public List<UnitParticipation> forUnitAndChildren(Consultation consultation, Unit unit) {
    boolean frozen = population.snapshot(consultation).isPresent();
    List<Unit> shown = new ArrayList<>();
    shown.add(unit);
    shown.addAll(units.children(unit.id()));
    List<Long> ids = shown.stream().map(Unit::id).toList();
    Map<Long, Map<Channel, Long>> counted = tallies.participants(consultation.id(), ids);
    Map<Long, Long[]> eligible = tallies.eligible(consultation.id(), ids);
    List<UnitParticipation> rows = new ArrayList<>(shown.size());
    for (Unit each : shown) {
      Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
      for (Channel channel : Channel.values()) {
        byChannel.put(channel, 0L);
      }
      byChannel.putAll(counted.getOrDefault(each.id(), Map.of()));
      Long[] denominators = eligible.get(each.id());
      long now = denominators == null ? 0 : denominators[1];
      // Until the denominators are refreshed after the snapshot, the rate stays on the live count.
      Long atOpening = !frozen ? null : denominators == null ? Long.valueOf(0) : denominators[0];
      rows.add(new UnitParticipation(each, now, atOpening, byChannel));
    }
    return rows;
  }
}
