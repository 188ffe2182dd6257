package vn.ykien.reporting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.EligiblePopulation;
import vn.ykien.reporting.internal.UnitLineages;

/**
 * The denominators of participation rates per unit at every level: who could take part when the
 * consultation opened (the frozen snapshot, rolled up once it exists) and who can now (the
 * registry, recounted off the request path every few minutes and after an import). Pages read
 * these rows and never count the registry.
 */
@Service
public class Denominators {

  private static final Logger log = LoggerFactory.getLogger(Denominators.class);

  private final EligiblePopulation population;
  private final Consultations consultations;
  private final UnitLineages lineages;
  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Clock clock;
  private final java.time.Duration every;

  Denominators(
      EligiblePopulation population,
      Consultations consultations,
      UnitLineages lineages,
      JdbcClient jdbc,
      JdbcTemplate template,
      Clock clock,
      @org.springframework.beans.factory.annotation.Value("${ykien.reporting.denominators-every:PT1M}")
          java.time.Duration every) {
    this.every = every;
    this.population = population;
    this.consultations = consultations;
    this.lineages = lineages;
    this.jdbc = jdbc;
    this.template = template;
    this.clock = clock;
  }

  /** Recounts the denominators of one consultation now. */
  @Transactional
  public void refresh(Consultation consultation) {
    Map<Long, Long> now = rollUp(population.nowPerUnit(consultation));
    Map<Long, Long> atOpening = population.snapshot(consultation).isPresent()
        ? rollUp(population.atOpeningPerUnit(consultation))
        : null;
    jdbc.sql("delete from reporting.eligible_count where consultation_id = ?").param(consultation.id()).update();
    java.util.Set<Long> units = new java.util.HashSet<>(now.keySet());
    if (atOpening != null) {
      units.addAll(atOpening.keySet());
    }
    List<Object[]> rows = new ArrayList<>(units.size());
    for (long unit : units) {
      rows.add(new Object[] {
          consultation.id(), unit, atOpening == null ? null : atOpening.getOrDefault(unit, 0L), now.getOrDefault(unit, 0L)});
    }
    template.batchUpdate(
        "insert into reporting.eligible_count (consultation_id, unit_id, at_opening, now) values (?, ?, ?, ?)",
        rows,
        1_000,
        (ps, row) -> {
          ps.setLong(1, (Long) row[0]);
          ps.setLong(2, (Long) row[1]);
          ps.setObject(3, row[2], java.sql.Types.BIGINT);
          ps.setLong(4, (Long) row[3]);
        });
    jdbc.sql(
            """
            insert into reporting.eligible_refresh (consultation_id, refreshed_at, snapshot_rolled) values (?, ?, ?)
            on conflict (consultation_id) do update set refreshed_at = excluded.refreshed_at,
              snapshot_rolled = excluded.snapshot_rolled
            """)
        .params(consultation.id(), java.sql.Timestamp.from(clock.instant()), atOpening != null)
        .update();
  }

  /**
   * Every open consultation's denominators: at once when a consultation has none yet or its
   * snapshot was taken since (checked every 10 s), and again every minute
   * ({@code ykien.reporting.denominators-every}).
   */
  @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT5S")
  void refreshOpen() {
    java.time.Instant now = clock.instant();
    for (Consultation consultation : consultations.openOrUpcoming(now)) {
      if (!consultation.window().isOpenAt(now) || !due(consultation, now)) {
        continue;
      }
      try {
        refresh(consultation);
      } catch (RuntimeException failed) {
        log.warn("Denominators of {} not refreshed / Chưa cập nhật mẫu số của {}: {}",
            consultation.slug(), consultation.slug(), failed.getMessage());
      }
    }
  }

  private boolean due(Consultation consultation, java.time.Instant now) {
    record Last(java.time.Instant at, boolean snapshotRolled) {}
    var last = jdbc.sql("select refreshed_at, snapshot_rolled from reporting.eligible_refresh where consultation_id = ?")
        .param(consultation.id())
        .query((rs, n) -> new Last(rs.getTimestamp(1).toInstant(), rs.getBoolean(2)))
        .optional();
    return last.isEmpty()
        || (!last.get().snapshotRolled() && population.snapshot(consultation).isPresent())
        || !last.get().at().plus(every).isAfter(now);
  }

  private Map<Long, Long> rollUp(Map<Long, Long> perLowestUnit) {
    lineages.cover(perLowestUnit.keySet());
    Map<Long, Long> rolled = new HashMap<>();
    perLowestUnit.forEach((unit, count) -> {
      for (long above : lineages.of(unit)) {
        rolled.merge(above, count, Long::sum);
      }
    });
    return rolled;
  }
}
