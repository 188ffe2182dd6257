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
import vn.ykien.registry.ResidentChanges;
import vn.ykien.reporting.internal.UnitLineages;

/**
 * The denominators of participation rates per unit at every level: who could take part when the
 * consultation opened (the frozen snapshot, rolled up once it exists) and who can now: counted
 * in full from the registry once (and again daily, {@code ykien.reporting.denominators-every}, as a
 * check), then kept current from the registry's change log every few seconds. Pages read these
 * rows and never count the registry.
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
  private final ResidentChanges changes;
  /** Scheduled work calls this bean's own methods: not through its proxy, so in these. */
  private final org.springframework.transaction.support.TransactionTemplate transactions;

  /** Registry changes applied per transaction. */
  static final int CHANGES_PER_BATCH = 20_000;

  Denominators(
      EligiblePopulation population,
      Consultations consultations,
      UnitLineages lineages,
      JdbcClient jdbc,
      JdbcTemplate template,
      Clock clock,
      ResidentChanges changes,
      org.springframework.transaction.support.TransactionTemplate transactions,
      @org.springframework.beans.factory.annotation.Value("${ykien.reporting.denominators-every:PT24H}")
          java.time.Duration every) {
    this.every = every;
    this.changes = changes;
    this.transactions = transactions;
    this.population = population;
    this.consultations = consultations;
    this.lineages = lineages;
    this.jdbc = jdbc;
    this.template = template;
    this.clock = clock;
  }

  /**
   * Recounts the denominators of one consultation now, from the whole registry. Registry writers
   * wait meanwhile, so the count is exactly the registry up to the change log's head, which is
   * recorded: {@link #followRegistry} goes on from there.
   */
  @Transactional
  public void refresh(Consultation consultation) {
    // One refresh or follower per consultation at a time (its row, made here the first time),
    // then no registry writer until this commits.
    jdbc.sql(
            """
            insert into reporting.eligible_refresh (consultation_id, refreshed_at, snapshot_rolled)
            values (?, now(), false) on conflict do nothing
            """)
        .param(consultation.id())
        .update();
    jdbc.sql("select 1 from reporting.eligible_refresh where consultation_id = ? for update")
        .param(consultation.id())
        .query()
        .singleRow();
    changes.holdWriters();
    long head = changes.head();
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
            insert into reporting.eligible_refresh (consultation_id, refreshed_at, snapshot_rolled, registry_change_id)
            values (?, ?, ?, ?)
            on conflict (consultation_id) do update set refreshed_at = excluded.refreshed_at,
              snapshot_rolled = excluded.snapshot_rolled, registry_change_id = excluded.registry_change_id
            """)
        .params(consultation.id(), java.sql.Timestamp.from(clock.instant()), atOpening != null, head)
        .update();
  }

  /**
   * Applies the registry's changes since the consultation's denominators were last brought up to
   * date, a batch in one transaction: each person who became eligible (an activated level-2 e-ID,
   * old enough, in the consultation's scope) counts +1 at their unit and every unit above it, each
   * who stopped being eligible or moved away −1 where they counted. Returns how many changes were
   * read; 0 when the consultation has no denominators yet (a full {@link #refresh} makes them).
   *
   * @param wait whether to wait for another server applying the same consultation's changes
   *     (otherwise that consultation is left to it)
   */
  @Transactional
  public int followRegistry(Consultation consultation, boolean wait) {
    record Position(long changeId, boolean frozen) {}
    var position = jdbc.sql(
            "select registry_change_id, snapshot_rolled from reporting.eligible_refresh where consultation_id = ? for update"
                + (wait ? "" : " skip locked"))
        .param(consultation.id())
        .query((rs, n) -> new Position(rs.getLong(1), rs.getBoolean(2)))
        .optional();
    if (position.isEmpty()) {
      return 0;
    }
    if (position.get().changeId() < changes.forgottenUpTo()) {
      // Changes it has not applied were dropped (it stood still while closed, say): count again.
      refresh(consultation);
      return 0;
    }
    List<ResidentChanges.Change> batch = changes.after(position.get().changeId(), CHANGES_PER_BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    java.time.LocalDate born = consultation.bornOnOrBefore();
    Map<Long, Long> perLowestUnit = new HashMap<>();
    for (ResidentChanges.Change change : batch) {
      if (change.oldUnitId() != null && change.oldBirthDate() != null && !change.oldBirthDate().isAfter(born)) {
        perLowestUnit.merge(change.oldUnitId(), -1L, Long::sum);
      }
      if (change.newUnitId() != null && change.newBirthDate() != null && !change.newBirthDate().isAfter(born)) {
        perLowestUnit.merge(change.newUnitId(), 1L, Long::sum);
      }
    }
    perLowestUnit.values().removeIf(delta -> delta == 0);
    Long scope = consultation.scopeUnitId();
    if (scope != null) {
      lineages.cover(perLowestUnit.keySet());
      perLowestUnit.keySet().removeIf(unit -> java.util.Arrays.stream(lineages.of(unit)).noneMatch(above -> above == scope));
    }
    Map<Long, Long> rolled = rollUp(perLowestUnit);
    rolled.values().removeIf(delta -> delta == 0);
    List<Object[]> rows = new ArrayList<>(rolled.size());
    rolled.forEach((unit, delta) -> rows.add(new Object[] {consultation.id(), unit, delta}));
    boolean frozen = position.get().frozen();
    template.batchUpdate(
        """
        insert into reporting.eligible_count (consultation_id, unit_id, at_opening, now) values (?, ?, ?, ?)
        on conflict (consultation_id, unit_id) do update set now = eligible_count.now + excluded.now
        """,
        rows,
        1_000,
        (ps, row) -> {
          ps.setLong(1, (Long) row[0]);
          ps.setLong(2, (Long) row[1]);
          // A unit first met here had nobody eligible at opening.
          ps.setObject(3, frozen ? 0L : null, java.sql.Types.BIGINT);
          ps.setLong(4, (Long) row[2]);
        });
    jdbc.sql("update reporting.eligible_refresh set registry_change_id = ? where consultation_id = ?")
        .params(batch.getLast().id(), consultation.id())
        .update();
    return batch.size();
  }

  /**
   * Every few seconds: each open consultation's denominators follow the registry's changes; the
   * changes every open consultation has passed are then dropped.
   */
  @Scheduled(fixedDelayString = "${ykien.reporting.follow-registry-every:PT2S}", initialDelayString = "PT5S")
  void followRegistryOfOpen() {
    java.time.Instant now = clock.instant();
    List<Long> open = new ArrayList<>();
    for (Consultation consultation : consultations.openOrUpcoming(now)) {
      if (!consultation.window().isOpenAt(now)) {
        continue;
      }
      open.add(consultation.id());
      try {
        for (int round = 0;
            round < 50 && transactions.execute(status -> followRegistry(consultation, false)) == CHANGES_PER_BATCH;
            round++) {
          // more changes are waiting: another batch
        }
      } catch (RuntimeException failed) {
        log.warn("Denominators of {} did not follow the registry / Mẫu số của {} chưa theo kịp dữ liệu dân cư: {}",
            consultation.slug(), consultation.slug(), failed.getMessage());
      }
    }
    if (!open.isEmpty()) {
      // Consultations without denominators yet are refreshed in full: they need no old change.
      long passed = jdbc.sql(
              "select coalesce(min(registry_change_id), 0) from reporting.eligible_refresh where consultation_id = any(?::bigint[])")
          .param(open.toArray(Long[]::new))
          .query(Long.class)
          .single();
      if (passed > 0) {
        transactions.executeWithoutResult(status -> changes.forgetUpTo(passed));
      }
    }
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
        transactions.executeWithoutResult(status -> refresh(consultation));
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
