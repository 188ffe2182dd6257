package vn.ykien.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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

/** Participation per unit for officials: counts only, never content. */
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
    List<UnitParticipation> rows = new ArrayList<>();
    rows.add(participation(consultation, unit, frozen));
    for (Unit child : units.children(unit.id())) {
      rows.add(participation(consultation, child, frozen));
    }
    return rows;
  }

  private UnitParticipation participation(Consultation consultation, Unit unit, boolean frozen) {
    List<Long> subtree = units.subtree(unit.id());
    long eligible = population.now(consultation, subtree);
    Long atOpening = frozen ? population.atOpening(consultation, subtree) : null;
    Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      byChannel.put(channel, 0L);
    }
    Map<Channel, Long> counted = new HashMap<>(tallies.participants(consultation.id(), subtree));
    byChannel.putAll(counted);
    return new UnitParticipation(unit, eligible, atOpening, byChannel);
  }
}
