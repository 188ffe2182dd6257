package vn.ykien.daily;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.EligiblePopulation;
import vn.ykien.daily.internal.CutOffs;
import vn.ykien.daily.internal.SnapshotSigner;
import vn.ykien.opinion.ParticipationLog;
import vn.ykien.reporting.ParticipationReport;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Takes and reads the daily snapshots. A level's snapshot of a day counts everyone whose
 * participation began before that day's cut-off and was not withdrawn by then (the participation
 * log, latest change per person), so it can be taken, or taken again on another database from the
 * same log, at any time after the cut-off with the same figures; a submission after the cut-off
 * counts in the next day's. One server takes each (an advisory lock), in one transaction: a crash
 * leaves nothing, and the next attempt takes it whole.
 */
@Service
public class DailySnapshots {

  /** The advisory lock class of snapshots (the object is the consultation). */
  static final int LOCK_CLASS = 0x44534E50;

  /** What submissions in flight at the cut-off are given to commit before a snapshot is taken. */
  public static final Duration COMMIT_GRACE = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final ParticipationLog log;
  private final ParticipationReport report;
  private final EligiblePopulation population;
  private final Units units;
  private final CutOffs cutOffs;
  private final SnapshotSigner signer;
  private final vn.ykien.results.ConsultationResults results;
  private final Clock clock;

  DailySnapshots(
      JdbcClient jdbc,
      JdbcTemplate template,
      ParticipationLog log,
      ParticipationReport report,
      EligiblePopulation population,
      Units units,
      CutOffs cutOffs,
      SnapshotSigner signer,
      vn.ykien.results.ConsultationResults results,
      Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.log = log;
    this.report = report;
    this.population = population;
    this.units = units;
    this.cutOffs = cutOffs;
    this.signer = signer;
    this.results = results;
    this.clock = clock;
  }

  /** The cut-off of a level's snapshot of a day (Vietnam time). */
  public Instant cutOff(Consultation consultation, Level level, LocalDate day) {
    return day.atTime(cutOffs.hour(consultation.id(), level), 0).atZone(Consultation.ZONE).toInstant();
  }

  /** Takes a level's snapshot of a day, once its cut-off has passed. */
  @Transactional(isolation = Isolation.REPEATABLE_READ)
  public SnapshotTaking take(Consultation consultation, Level level, LocalDate day) {
    Instant cutOff = cutOff(consultation, level, day);
    if (clock.instant().isBefore(cutOff.plus(COMMIT_GRACE))) {
      return new SnapshotTaking.NotYet(cutOff);
    }
    return takeAt(consultation, level, day, cutOff);
  }

  /** The snapshot of a day as of a given cut-off (a whole hour): {@link #take}'s work. */
  @Transactional(isolation = Isolation.REPEATABLE_READ)
  SnapshotTaking takeAt(Consultation consultation, Level level, LocalDate day, Instant cutOff) {
    boolean mine =
        jdbc.sql("select pg_try_advisory_xact_lock(?, ?)")
            .params(LOCK_CLASS, (int) consultation.id())
            .query(Boolean.class)
            .single();
    if (!mine) {
      return new SnapshotTaking.Busy();
    }
    Optional<Snapshot> before = find(consultation.id(), level, day);
    if (before.isPresent()) {
      return new SnapshotTaking.AlreadyTaken(before.get());
    }
    long started = System.nanoTime();
    List<String> layout = SnapshotFigures.LAYOUT;
    Map<Long, long[]> figures = count(consultation.id(), cutOff, layout);
    Map<Long, @Nullable Long> eligible = report.eligibleAtOpeningOfEveryUnit(consultation);
    Map<Long, Unit> found = units.findAll(inScope(consultation, eligible.keySet(), figures.keySet()));
    List<Unit> shown = new ArrayList<>();
    for (Unit unit : found.values()) {
      Unit parent = unit.parentId() == null ? null : found.get(unit.parentId());
      if (unit.kind() == level.kind() || (parent != null && parent.kind() == level.kind())) {
        shown.add(unit);
      }
    }
    shown.sort(java.util.Comparator.comparingLong(Unit::id));
    MessageDigest digest = SnapshotSigner.sha256();
    List<Object[]> rows = new ArrayList<>(shown.size());
    long[] none = new long[layout.size()];
    for (Unit unit : shown) {
      long[] values = figures.getOrDefault(unit.id(), none);
      Long atOpening = eligible.get(unit.id());
      String text = SnapshotSigner.unitText(consultation.id(), level, day, cutOff, unit, atOpening, layout, values);
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      byte[] signature = signer.sign(text);
      rows.add(new Object[] {unit.id(), atOpening, values, signature, SnapshotSigner.code(signature)});
    }
    byte[] sum = digest.digest();
    byte[] signature = signer.sign(SnapshotSigner.snapshotText(consultation.id(), level, day, cutOff, shown.size(), sum));
    Instant takenAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    // What the latest release shows of the units that show content (communes and above).
    List<Long> content = shown.stream().filter(vn.ykien.results.ConsultationResults::showsContent).map(Unit::id).toList();
    Optional<vn.ykien.results.ReleasedTotals> released =
        content.isEmpty() ? Optional.empty() : results.releasedTotals(consultation.id(), content);
    long id =
        jdbc.sql(
                """
                insert into daily.snapshot
                  (consultation_id, level, day, cut_off, taken_at, layout, units, digest, signature, results_release, results_released_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(consultation.id(), level.name(), day, Timestamp.from(cutOff), Timestamp.from(takenAt),
                String.join(",", layout), shown.size(), sum, signature,
                released.map(r -> (Object) r.release()).orElse(null),
                released.map(r -> (Object) Timestamp.from(r.releasedAt())).orElse(null))
            .query(Long.class)
            .single();
    template.batchUpdate(
        """
        insert into daily.snapshot_unit (snapshot_id, unit_id, eligible_at_opening, figures, signature, code)
        values (?, ?, ?, ?, ?, ?)
        """,
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Object[] row = rows.get(i);
            ps.setLong(1, id);
            ps.setLong(2, (Long) row[0]);
            ps.setObject(3, row[1]);
            ps.setArray(4, ps.getConnection().createArrayOf("bigint", Arrays.stream((long[]) row[2]).boxed().toArray()));
            ps.setBytes(5, (byte[]) row[3]);
            ps.setString(6, (String) row[4]);
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
    released.ifPresent(totals -> copyContent(id, totals));
    Snapshot taken =
        new Snapshot(id, consultation.id(), level, day, cutOff, takenAt, layout, shown.size(), java.util.HexFormat.of().formatHex(sum));
    return new SnapshotTaking.Taken(taken, (System.nanoTime() - started) / 1_000_000);
  }

  /** Keeps what a release showed of the units with the snapshot: each item's people and split of everyone, hidden figures null. */
  private void copyContent(long snapshotId, vn.ykien.results.ReleasedTotals released) {
    List<Object[]> rows = new ArrayList<>();
    for (var unit : released.byUnit().entrySet()) {
      for (var item : unit.getValue().entrySet()) {
        var f = item.getValue();
        rows.add(new Object[] {snapshotId, unit.getKey(), item.getKey(), f.people(), f.approve(), f.disapprove(), f.partly()});
      }
    }
    template.batchUpdate(
        "insert into daily.snapshot_content (snapshot_id, unit_id, item_id, people, approve, disapprove, partly) values (?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** What a snapshot kept of a unit's opinions per item (by item id); empty when it kept none. */
  @Transactional(readOnly = true)
  public Optional<SnapshotContent> content(Snapshot snapshot, long unitId) {
    var release =
        jdbc.sql("select results_release, results_released_at from daily.snapshot where id = ? and results_release is not null")
            .param(snapshot.id())
            .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()})
            .optional();
    if (release.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, vn.ykien.results.Figures> items = new java.util.LinkedHashMap<>();
    jdbc.sql("select item_id, people, approve, disapprove, partly from daily.snapshot_content where snapshot_id = ? and unit_id = ? order by item_id")
        .params(snapshot.id(), unitId)
        .query((java.sql.ResultSet rs) -> {
          items.put(rs.getLong(1), new vn.ykien.results.Figures(rs.getLong(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getObject(5, Long.class)));
        });
    if (items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SnapshotContent((Integer) release.get()[0], (Instant) release.get()[1], items));
  }

  /**
   * Every unit of the consultation's scope (the nation of its units when it has none), whether
   * anyone took part there yet or not: a village nobody has reached is in the report, at zero.
   */
  private Set<Long> inScope(Consultation consultation, Set<Long> withEligible, Set<Long> withPeople) {
    Long root = consultation.scopeUnitId();
    if (root == null) {
      Long any =
          !withEligible.isEmpty() ? withEligible.iterator().next()
              : !withPeople.isEmpty() ? withPeople.iterator().next()
              : log.anyUnit(consultation.id())
                  // Nobody counted yet, nor any denominator: where the registry has eligible people.
                  .or(() -> population.nowPerUnit(consultation).keySet().stream().findFirst())
                  .orElse(null);
      if (any == null) {
        return Set.of();
      }
      long[] lineage = units.ancestorIds(List.of(any)).get(any);
      root = lineage[lineage.length - 1];
    }
    return new HashSet<>(units.subtree(root));
  }

  /** Everyone counted before the cut-off, per unit at every level: each figure of the layout. */
  private Map<Long, long[]> count(long consultationId, Instant cutOff, List<String> layout) {
    jdbc.sql(
            """
            create temporary table snapshot_people (
              unit_id bigint, day date, channel text, age_band text, sex text, occupation text,
              memberships int, people bigint) on commit drop
            """)
        .update();
    log.countPeopleBefore(consultationId, cutOff, "snapshot_people");
    List<String> sums = new ArrayList<>();
    for (String name : layout) {
      sums.add("coalesce(sum(people) filter (where " + condition(name) + "), 0)");
    }
    Map<Long, long[]> lowest = new HashMap<>();
    jdbc.sql("select unit_id, " + String.join(", ", sums) + " from snapshot_people group by unit_id")
        .query(
            (java.sql.ResultSet rs) -> {
              long[] values = new long[layout.size()];
              for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(2 + i);
              }
              lowest.put(rs.getLong(1), values);
            });
    jdbc.sql("drop table snapshot_people").update();
    Map<Long, long[]> rolled = new HashMap<>();
    for (var lineage : units.ancestorIds(lowest.keySet()).entrySet()) {
      long[] values = lowest.get(lineage.getKey());
      for (long unit : lineage.getValue()) {
        long[] sum = rolled.computeIfAbsent(unit, u -> new long[layout.size()]);
        for (int i = 0; i < values.length; i++) {
          sum[i] += values[i];
        }
      }
    }
    return rolled;
  }

  /** Which people a figure counts, over the columns of {@code snapshot_people} (names from the layout only). */
  private static String condition(String name) {
    if (name.equals(SnapshotFigures.PEOPLE)) {
      return "true";
    }
    String dimension = name.substring(0, name.indexOf('.'));
    String value = name.substring(name.indexOf('.') + 1);
    if (!value.matches("[A-Z0-9_]+")) {
      throw new IllegalArgumentException(name);
    }
    return switch (dimension) {
      case "channel" -> "channel = '" + value + "'";
      case "age" -> "age_band = '" + value + "'";
      case "sex" -> "sex = '" + value + "'";
      case "occupation" -> value.equals(SnapshotFigures.NONE) ? "occupation = ''" : "occupation = '" + value + "'";
      case "membership" ->
          value.equals(SnapshotFigures.NONE)
              ? "memberships = 0"
              : "memberships & " + (1 << vn.ykien.registry.Membership.valueOf(value).ordinal()) + " <> 0";
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** A level's snapshot of a day, if taken. */
  @Transactional(readOnly = true)
  public Optional<Snapshot> find(long consultationId, Level level, LocalDate day) {
    return jdbc.sql(
            """
            select id, consultation_id, level, day, cut_off, taken_at, layout, units, digest
            from daily.snapshot where consultation_id = ? and level = ? and day = ?
            """)
        .params(consultationId, level.name(), day)
        .query((rs, n) -> snapshot(rs))
        .optional();
  }

  /** A level's latest snapshot on or before a day. */
  @Transactional(readOnly = true)
  public Optional<Snapshot> latest(long consultationId, Level level, LocalDate onOrBefore) {
    return jdbc.sql(
            """
            select id, consultation_id, level, day, cut_off, taken_at, layout, units, digest
            from daily.snapshot where consultation_id = ? and level = ? and day <= ? order by day desc limit 1
            """)
        .params(consultationId, level.name(), onOrBefore)
        .query((rs, n) -> snapshot(rs))
        .optional();
  }

  /** A unit's figures in a snapshot; empty when the snapshot does not hold the unit. */
  @Transactional(readOnly = true)
  public Optional<UnitSnapshot> unit(Snapshot snapshot, long unitId) {
    return jdbc.sql("select unit_id, eligible_at_opening, figures, code from daily.snapshot_unit where snapshot_id = ? and unit_id = ?")
        .params(snapshot.id(), unitId)
        .query((rs, n) -> unitRow(snapshot, rs, 1))
        .optional();
  }

  /** What the check page shows for a printed code: the unit's figures as signed, and whether they still are. */
  public record Checked(UnitSnapshot unit, boolean authentic) {}

  /** The unit's figures a printed code stands for, checked against their signature. */
  @Transactional(readOnly = true)
  public Optional<Checked> check(String typedCode) {
    String code = SnapshotSigner.normalise(typedCode);
    if (!code.matches("[A-Z2-7]{16}")) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select s.id, s.consultation_id, s.level, s.day, s.cut_off, s.taken_at, s.layout, s.units, s.digest,
                   u.unit_id, u.eligible_at_opening, u.figures, u.code, u.signature
            from daily.snapshot_unit u join daily.snapshot s on s.id = u.snapshot_id
            where u.code = ?
            """)
        .param(code)
        .query(
            (rs, n) -> {
              Snapshot snapshot = snapshot(rs);
              UnitSnapshot unit = unitRow(snapshot, rs, 10);
              long[] values = new long[snapshot.layout().size()];
              int i = 0;
              for (long value : unit.figures().values()) {
                values[i++] = value;
              }
              String text =
                  SnapshotSigner.unitText(snapshot.consultationId(), snapshot.level(), snapshot.day(), snapshot.cutOff(),
                      unit.unit(), unit.eligibleAtOpening(), snapshot.layout(), values);
              byte[] signature = rs.getBytes(14);
              return new Checked(unit, signer.verify(text, signature) && SnapshotSigner.code(signature).equals(code));
            })
        .optional();
  }

  private static Snapshot snapshot(java.sql.ResultSet rs) throws SQLException {
    return new Snapshot(
        rs.getLong(1), rs.getLong(2), Level.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), List.of(rs.getString(7).split(",")),
        rs.getInt(8), java.util.HexFormat.of().formatHex(rs.getBytes(9)));
  }

  private UnitSnapshot unitRow(Snapshot snapshot, java.sql.ResultSet rs, int from) throws SQLException {
    long unitId = rs.getLong(from);
    Unit unit = units.find(unitId).orElseThrow(() -> new IllegalStateException("unit " + unitId + " of a snapshot is gone"));
    long atOpening = rs.getLong(from + 1);
    Long eligibleAtOpening = rs.wasNull() ? null : atOpening;
    Long[] values = (Long[]) rs.getArray(from + 2).getArray();
    Map<String, Long> figures = new LinkedHashMap<>();
    for (int i = 0; i < snapshot.layout().size(); i++) {
      figures.put(snapshot.layout().get(i), values[i]);
    }
    return new UnitSnapshot(snapshot, unit, eligibleAtOpening, figures, rs.getString(from + 3));
  }
}
