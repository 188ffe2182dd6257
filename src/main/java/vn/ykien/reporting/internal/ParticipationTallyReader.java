package vn.ykien.reporting.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ykien.opinion.LogKind;
import vn.ykien.opinion.OpinionChange;
import vn.ykien.opinion.OpinionLogReader;
import vn.ykien.opinion.ReaderPositions;

/**
 * Keeps the participation tallies from the participation log: each change counts the person where
 * (the lowest unit and every level above it), how and in which group they take part now, and takes
 * away what their previous change counted (a withdrawal only takes away), in batches written with
 * the reader's position in one transaction. It never sees a pseudonym or an answer.
 */
@Component
class ParticipationTallyReader implements OpinionLogReader {

  static final String NAME = "reporting.participation";

  private final TallyStore tallies;
  private final UnitLineages lineages;
  private final ReaderPositions positions;

  ParticipationTallyReader(TallyStore tallies, UnitLineages lineages, JdbcClient jdbc, Clock clock) {
    this.tallies = tallies;
    this.lineages = lineages;
    this.positions = new ReaderPositions(jdbc, "reporting", clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LogKind log() {
    return LogKind.PARTICIPATION;
  }

  @Override
  public ReaderPositions positions() {
    return positions;
  }

  @Override
  public void apply(List<OpinionChange> changes) {
    TallyStore.Deltas deltas = new TallyStore.Deltas();
    for (OpinionChange change : changes) {
      count(deltas, change.consultationId(), change.before(), -1);
      count(deltas, change.consultationId(), change.now(), 1);
    }
    tallies.add(deltas);
  }

  private void count(
      TallyStore.Deltas deltas, long consultationId, OpinionChange.@org.jspecify.annotations.Nullable Standing standing, int sign) {
    if (standing == null) {
      return;
    }
    String occupation = standing.group().occupation() == null ? "" : standing.group().occupation().name();
    for (long unit : lineages.of(standing.unitId())) {
      deltas.person(
          new TallyStore.PeopleKey(
              consultationId, unit, standing.firstDay(), standing.channel(), standing.group().age().name(),
              standing.group().sex().name(), occupation, standing.group().membershipBits()),
          sign);
    }
  }
}
