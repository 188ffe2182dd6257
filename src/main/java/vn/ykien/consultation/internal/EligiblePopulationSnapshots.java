package vn.ykien.consultation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.EligiblePopulation;
import vn.ykien.registry.Residents;
import vn.ykien.units.Units;

/**
 * Freezes the eligible population per unit when a consultation opens. Safe with several servers:
 * the snapshot's header row is claimed first, so only one of them writes it.
 */
@Service
class EligiblePopulationSnapshots implements EligiblePopulation {

  private static final Logger log = LoggerFactory.getLogger(EligiblePopulationSnapshots.class);

  private final JdbcClient jdbc;
  private final Residents residents;
  private final Units units;
  private final Consultations consultations;
  private final TransactionTemplate transactions;
  private final Clock clock;

  EligiblePopulationSnapshots(
      JdbcClient jdbc,
      Residents residents,
      Units units,
      Consultations consultations,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.units = units;
    this.consultations = consultations;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public SnapshotOutcome takeSnapshot(Consultation consultation) {
    Instant now = clock.instant();
    if (now.isBefore(consultation.window().opens())) {
      return new SnapshotOutcome.NotOpenYet();
    }
    if (!now.isBefore(consultation.window().closes())) {
      return snapshot(consultation)
          .<SnapshotOutcome>map(SnapshotOutcome.AlreadyTaken::new)
          .orElseGet(SnapshotOutcome.ClosedWithoutSnapshot::new);
    }
    return transactions.execute(
        status -> {
          int claimed =
              jdbc.sql(
                      """
                      insert into consultation.eligibility_snapshot (consultation_id, taken_at, eligible)
                      values (?, ?, 0) on conflict do nothing
                      """)
                  .param(consultation.id())
                  .param(Timestamp.from(now))
                  .update();
          if (claimed == 0) {
            return new SnapshotOutcome.AlreadyTaken(snapshot(consultation).orElseThrow());
          }
          Map<Long, Long> counts = counts(consultation, null);
          long total = 0;
          for (var count : counts.entrySet()) {
            jdbc.sql(
                    "insert into consultation.eligible_population (consultation_id, unit_id, eligible) values (?, ?, ?)")
                .param(consultation.id())
                .param(count.getKey())
                .param(count.getValue())
                .update();
            total += count.getValue();
          }
          jdbc.sql("update consultation.eligibility_snapshot set eligible = ? where consultation_id = ?")
              .param(total)
              .param(consultation.id())
              .update();
          log.info(
              "Eligible population of {} frozen at opening: {} people in {} units",
              consultation.slug(),
              total,
              counts.size());
          return new SnapshotOutcome.Taken(new Snapshot(now, total), counts.size());
        });
  }

  @Override
  public int takeDueSnapshots() {
    Instant now = clock.instant();
    List<Long> due =
        jdbc.sql(
                """
                select c.id from consultation.consultation c
                where c.opens_at <= :now and c.closes_at > :now and not exists (
                  select 1 from consultation.eligibility_snapshot s where s.consultation_id = c.id)
                order by c.opens_at
                """)
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .list();
    int taken = 0;
    for (long id : due) {
      Optional<Consultation> consultation = consultations.find(id);
      if (consultation.isPresent()
          && takeSnapshot(consultation.get()) instanceof SnapshotOutcome.Taken) {
        taken++;
      }
    }
    return taken;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Snapshot> snapshot(Consultation consultation) {
    return jdbc.sql(
            "select taken_at, eligible from consultation.eligibility_snapshot where consultation_id = ?")
        .param(consultation.id())
        .query((rs, row) -> new Snapshot(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
        .optional();
  }

  @Override
  public long atOpening(Consultation consultation, Collection<Long> unitIds) {
    if (unitIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            select coalesce(sum(eligible), 0) from consultation.eligible_population
            where consultation_id = :consultation and unit_id in (:units)
            """)
        .param("consultation", consultation.id())
        .param("units", unitIds)
        .query(Long.class)
        .single();
  }

  @Override
  public Map<Long, Long> atOpeningPerUnit(Consultation consultation) {
    Map<Long, Long> counts = new java.util.HashMap<>();
    jdbc.sql("select unit_id, eligible from consultation.eligible_population where consultation_id = ?")
        .param(consultation.id())
        .query((java.sql.ResultSet rs) -> {
          counts.put(rs.getLong(1), rs.getLong(2));
        });
    return counts;
  }

  @Override
  public Map<Long, Long> nowPerUnit(Consultation consultation) {
    Map<Long, Long> counts = residents.countLevel2BornByEverywhere(consultation.bornOnOrBefore());
    Long scope = consultation.scopeUnitId();
    if (scope != null) {
      // Counted everywhere, then kept to the scope: a national subtree would not fit an IN list.
      Set<Long> inScope = new HashSet<>(units.subtree(scope));
      counts.keySet().retainAll(inScope);
    }
    return counts;
  }

  @Override
  public long now(Consultation consultation, Collection<Long> unitIds) {
    return counts(consultation, unitIds).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Eligible people per unit; all units of the scope when {@code unitIds} is null. */
  private Map<Long, Long> counts(Consultation consultation, @org.jspecify.annotations.Nullable Collection<Long> unitIds) {
    Long scope = consultation.scopeUnitId();
    if (scope == null) {
      return unitIds == null
          ? residents.countLevel2BornByEverywhere(consultation.bornOnOrBefore())
          : residents.countLevel2BornBy(unitIds, consultation.bornOnOrBefore());
    }
    Set<Long> inScope = new HashSet<>(units.subtree(scope));
    if (unitIds != null) {
      inScope.retainAll(unitIds);
    }
    return residents.countLevel2BornBy(inScope, consultation.bornOnOrBefore());
  }
}
