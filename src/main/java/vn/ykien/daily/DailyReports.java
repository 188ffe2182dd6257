package vn.ykien.daily;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.consultation.Consultation;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * The daily reports up the hierarchy: a unit's report of a day is its row of its level's snapshot
 * (no figure typed by hand) and the officer's lines, confirmed by an official of that unit before
 * the due time (the cut-off plus {@code ykien.daily.confirm-within}, an hour by default) or late,
 * never changed once confirmed (a correction is a new version with its reason; all are kept).
 */
@Service
public class DailyReports {

  private final JdbcClient jdbc;
  private final DailySnapshots snapshots;
  private final Units units;
  private final Clock clock;
  private final Duration confirmWithin;
  private final ObjectProvider<ReminderChannel> channels;

  DailyReports(
      JdbcClient jdbc,
      DailySnapshots snapshots,
      Units units,
      Clock clock,
      @Value("${ykien.daily.confirm-within:PT1H}") Duration confirmWithin,
      ObjectProvider<ReminderChannel> channels) {
    this.jdbc = jdbc;
    this.snapshots = snapshots;
    this.units = units;
    this.clock = clock;
    this.confirmWithin = confirmWithin;
    this.channels = channels;
  }

  /** The level a unit reports at, if it reports daily. */
  public static Optional<Level> levelOf(Unit unit) {
    return switch (unit.kind()) {
      case VILLAGE -> Optional.of(Level.VILLAGE);
      case COMMUNE -> Optional.of(Level.COMMUNE);
      case PROVINCE -> Optional.of(Level.PROVINCE);
      case NATION -> Optional.of(Level.NATION);
      case DISTRICT -> Optional.empty();
    };
  }

  /** When a unit's report of a day is due. */
  public Instant dueAt(Consultation consultation, Level level, LocalDate day) {
    return snapshots.cutOff(consultation, level, day).plus(confirmWithin);
  }

  /** A unit's report of a day: its frozen figures (the snapshot is taken now if it is due and missing). */
  @Transactional
  public ReportOpening open(Consultation consultation, Unit unit, LocalDate day) {
    Optional<Level> reporting = levelOf(unit);
    if (reporting.isEmpty()) {
      return new ReportOpening.NotReporting();
    }
    Level level = reporting.get();
    Optional<Snapshot> snapshot = snapshots.find(consultation.id(), level, day);
    if (snapshot.isEmpty()) {
      switch (snapshots.take(consultation, level, day)) {
        case SnapshotTaking.NotYet notYet -> {
          return new ReportOpening.NotFrozenYet(notYet.cutOff());
        }
        case SnapshotTaking.Taken taken -> snapshot = Optional.of(taken.snapshot());
        case SnapshotTaking.AlreadyTaken already -> snapshot = Optional.of(already.snapshot());
        case SnapshotTaking.Busy busy -> {
          // Another server is taking it this moment: it is frozen once that commits.
          return new ReportOpening.NotFrozenYet(snapshots.cutOff(consultation, level, day));
        }
      }
    }
    Snapshot frozen = snapshot.orElseThrow();
    Optional<UnitSnapshot> figures = snapshots.unit(frozen, unit.id());
    if (figures.isEmpty()) {
      return new ReportOpening.NotReporting();
    }
    List<UnitSnapshot> below = new ArrayList<>();
    for (Unit child : units.children(unit.id())) {
      snapshots.unit(frozen, child.id()).ifPresent(below::add);
    }
    below.sort(Comparator.comparing((UnitSnapshot row) -> row.ratePercent() == null ? Double.MAX_VALUE : row.ratePercent())
        .thenComparing(row -> row.unit().code()));
    UnitSnapshot dayBefore =
        snapshots.find(consultation.id(), level, day.minusDays(1)).flatMap(previous -> snapshots.unit(previous, unit.id())).orElse(null);
    return new ReportOpening.Ready(
        figures.get(), below, dayBefore, versions(consultation.id(), unit.id(), day), dueAt(consultation, level, day),
        reminders(consultation.id(), unit.id(), day));
  }

  /**
   * Confirms a unit's report of a day with the officer's lines: the first version; the same lines
   * again change nothing; other lines are a new version only with a reason.
   */
  @Transactional
  public Confirmation confirm(
      Consultation consultation, Unit unit, LocalDate day, OutreachLines lines, @Nullable String reason, String official) {
    String problem = lines.problem();
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (problem == null && why != null && why.length() > 500) {
      problem = "daily.report.reasonTooLong";
    }
    if (problem != null) {
      return new Confirmation.Invalid(problem);
    }
    // One confirmation at a time per unit and day: the version numbers follow each other.
    jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) locked")
        .params(DailySnapshots.LOCK_CLASS + 1, (int) (unit.id() * 31 + day.toEpochDay()))
        .query(Integer.class)
        .single();
    ReportOpening opening = open(consultation, unit, day);
    return switch (opening) {
      case ReportOpening.NotReporting none -> new Confirmation.NotReporting();
      case ReportOpening.NotFrozenYet notYet -> new Confirmation.NotFrozenYet(notYet.cutOff());
      case ReportOpening.Ready ready -> {
        DailyReport latest = ready.latest();
        if (latest != null && latest.lines().equals(lines) && why == null) {
          yield new Confirmation.AlreadyConfirmed(latest);
        }
        if (latest != null && why == null) {
          yield new Confirmation.ReasonRequired(latest);
        }
        int version = latest == null ? 1 : latest.version() + 1;
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long id =
            jdbc.sql(
                    """
                    insert into daily.report (consultation_id, unit_id, day, version, snapshot_id, meetings, broadcasts,
                      visits, difficulties, proposals, reason, confirmed_by, confirmed_at, due_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                    """)
                .params(consultation.id(), unit.id(), day, version, ready.figures().snapshot().id(), lines.meetings(),
                    lines.broadcasts(), lines.visits(), lines.difficulties(), lines.proposals(), version == 1 ? null : why,
                    official, Timestamp.from(now), Timestamp.from(ready.dueAt()))
                .query(Long.class)
                .single();
        yield new Confirmation.Confirmed(
            new DailyReport(id, consultation.id(), unit.id(), day, version, ready.figures().snapshot().id(), lines,
                version == 1 ? null : why, official, now, ready.dueAt()));
      }
    };
  }

  /** Every version of a unit's report of a day, first to last. */
  @Transactional(readOnly = true)
  public List<DailyReport> versions(long consultationId, long unitId, LocalDate day) {
    return jdbc.sql(
            """
            select id, consultation_id, unit_id, day, version, snapshot_id, meetings, broadcasts, visits, difficulties,
                   proposals, reason, confirmed_by, confirmed_at, due_at
            from daily.report where consultation_id = ? and unit_id = ? and day = ? order by version
            """)
        .params(consultationId, unitId, day)
        .query((rs, n) -> report(rs))
        .list();
  }

  /** A unit's daily reporting over the whole consultation (the latest version of each day's report). */
  @Transactional(readOnly = true)
  public ReportingSummary summary(Consultation consultation, Unit unit) {
    var own =
        jdbc.sql(
                """
                select count(*), coalesce(sum(meetings), 0), coalesce(sum(broadcasts), 0), coalesce(sum(visits), 0)
                from (select distinct on (day) meetings, broadcasts, visits from daily.report
                      where consultation_id = ? and unit_id = ? order by day, version desc) latest
                """)
            .params(consultation.id(), unit.id())
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
            .single();
    List<String> proposals =
        jdbc.sql(
                """
                select proposals from (
                  select proposals, min(day) as first from (
                    select distinct on (day) day, btrim(proposals) as proposals from daily.report
                    where consultation_id = ? and unit_id = ? order by day, version desc) latest
                  where proposals <> '' group by proposals) distinct_ones
                order by first, proposals
                """)
            .params(consultation.id(), unit.id())
            .query(String.class)
            .list();
    Long[] below = units.children(unit.id()).stream().filter(child -> levelOf(child).isPresent()).map(Unit::id).toArray(Long[]::new);
    int[] confirmed = {0, 0};
    if (below.length > 0) {
      jdbc.sql(
              """
              select count(*), count(*) filter (where confirmed_at <= due_at)
              from daily.report where consultation_id = ? and version = 1 and unit_id = any(?::bigint[])
              """)
          .params(consultation.id(), below)
          .query((ResultSet rs) -> {
            confirmed[0] = rs.getInt(1);
            confirmed[1] = rs.getInt(2);
          });
    }
    return new ReportingSummary((int) own[0], confirmed[0], confirmed[1], own[1], own[2], own[3], proposals);
  }

  /** Which units below have confirmed their report of the day, lagging first. */
  @Transactional(readOnly = true)
  public Completeness completeness(Consultation consultation, Unit unit, LocalDate day) {
    Instant now = clock.instant();
    List<Unit> children = units.children(unit.id()).stream().filter(child -> levelOf(child).isPresent()).toList();
    Map<Long, DailyReport> first = new HashMap<>();
    Map<Long, Integer> latestVersion = new HashMap<>();
    Map<Long, Integer> reminded = new HashMap<>();
    if (!children.isEmpty()) {
      Long[] ids = children.stream().map(Unit::id).toArray(Long[]::new);
      jdbc.sql(
              """
              select id, consultation_id, unit_id, day, version, snapshot_id, meetings, broadcasts, visits, difficulties,
                     proposals, reason, confirmed_by, confirmed_at, due_at
              from daily.report where consultation_id = ? and day = ? and unit_id = any(?::bigint[]) order by version
              """)
          .params(consultation.id(), day, ids)
          .query((rs, n) -> report(rs))
          .list()
          .forEach(report -> {
            first.putIfAbsent(report.unitId(), report);
            latestVersion.put(report.unitId(), report.version());
          });
      jdbc.sql("select unit_id, count(*) from daily.reminder where consultation_id = ? and day = ? and unit_id = any(?::bigint[]) group by unit_id")
          .params(consultation.id(), day, ids)
          .query((ResultSet rs) -> {
            reminded.put(rs.getLong(1), rs.getInt(2));
          });
    }
    List<Completeness.Row> rows = new ArrayList<>();
    for (Unit child : children) {
      Instant due = dueAt(consultation, levelOf(child).orElseThrow(), day);
      DailyReport report = first.get(child.id());
      Completeness.Status status =
          report != null ? (report.late() ? Completeness.Status.LATE : Completeness.Status.ON_TIME)
              : now.isAfter(due) ? Completeness.Status.MISSING : Completeness.Status.NOT_YET;
      rows.add(new Completeness.Row(
          child, status, report == null ? null : report.confirmedAt(), latestVersion.getOrDefault(child.id(), 0), due,
          reminded.getOrDefault(child.id(), 0)));
    }
    rows.sort(Comparator.comparing((Completeness.Row row) -> switch (row.status()) {
          case MISSING -> 0;
          case NOT_YET -> 1;
          case LATE -> 2;
          case ON_TIME -> 3;
        })
        .thenComparing(row -> row.unit().code()));
    return new Completeness(rows);
  }

  /** What reminding a unit below came to. */
  public sealed interface Reminding {
    record Reminded(Unit unit) implements Reminding {}

    /** It has confirmed its report already: nobody is reminded. */
    record AlreadyConfirmed(Unit unit) implements Reminding {}

    /** No such unit directly below. */
    record NotBelow() implements Reminding {}
  }

  /** Reminds a unit directly below that its report of the day is missing (in the app, and any channel configured). */
  @Transactional
  public Reminding remind(Consultation consultation, Unit unit, String childCode, LocalDate day, String official) {
    Optional<Unit> child =
        units.findByCode(unit.edition(), childCode).filter(found -> found.parentId() != null && found.parentId() == unit.id());
    if (child.isEmpty() || levelOf(child.get()).isEmpty()) {
      return new Reminding.NotBelow();
    }
    if (!versions(consultation.id(), child.get().id(), day).isEmpty()) {
      return new Reminding.AlreadyConfirmed(child.get());
    }
    jdbc.sql("insert into daily.reminder (consultation_id, unit_id, day, sent_by, sent_at) values (?, ?, ?, ?, ?)")
        .params(consultation.id(), child.get().id(), day, official, Timestamp.from(clock.instant()))
        .update();
    channels.orderedStream().forEach(channel -> channel.remind(child.get(), day, consultation.slug(), official));
    return new Reminding.Reminded(child.get());
  }

  private List<Instant> reminders(long consultationId, long unitId, LocalDate day) {
    return jdbc.sql("select sent_at from daily.reminder where consultation_id = ? and unit_id = ? and day = ? order by sent_at")
        .params(consultationId, unitId, day)
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .list();
  }

  private static DailyReport report(ResultSet rs) throws SQLException {
    return new DailyReport(
        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getLong(6),
        new OutreachLines(rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11)),
        rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant());
  }
}
