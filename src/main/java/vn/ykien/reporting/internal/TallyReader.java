package vn.ykien.reporting.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ykien.opinion.OpinionChange;
import vn.ykien.opinion.OpinionLogReader;
import vn.ykien.opinion.ReaderPositions;

/**
 * Keeps the answer tallies from the opinion log (content, placed at the commune). Each change
 * counts the person's answers where and as they stand now and takes away what its previous
 * revision counted (a withdrawal only takes away), at the commune and every level above it; a
 * batch adds its changes up per cell and writes each cell once, with the reader's position, in one
 * transaction. Applied in any order, the changes of one person add up to their latest revision.
 * People are counted by {@link ParticipationTallyReader}, from the participation log.
 */
@Component
class TallyReader implements OpinionLogReader {

  static final String NAME = "reporting.tallies";

  private final TallyStore tallies;
  private final UnitLineages lineages;
  private final ReaderPositions positions;

  TallyReader(TallyStore tallies, UnitLineages lineages, JdbcClient jdbc, Clock clock) {
    this.tallies = tallies;
    this.lineages = lineages;
    this.positions = new ReaderPositions(jdbc, "reporting", clock);
  }

  @Override
  public String name() {
    return NAME;
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

  /** What one standing's answers count, from its commune up, times {@code sign}. */
  void count(TallyStore.Deltas deltas, long consultationId, OpinionChange.@org.jspecify.annotations.Nullable Standing standing, int sign) {
    if (standing == null) {
      return;
    }
    String age = standing.group().age().name();
    String sex = standing.group().sex().name();
    String occupation = standing.group().occupation() == null ? "" : standing.group().occupation().name();
    for (long unit : lineages.contentOf(standing.unitId())) {
      for (OpinionChange.CountedAnswer answer : standing.answers()) {
        deltas.answer(
            new TallyStore.AnswerKey(
                consultationId, unit, answer.itemId(), answer.stance(), standing.channel(), age, sex, occupation),
            sign,
            answer.commented() ? sign : 0);
      }
    }
  }
}
