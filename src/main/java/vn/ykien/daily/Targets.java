package vn.ykien.daily;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.consultation.Consultation;
import vn.ykien.reporting.ParticipationReport;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Participation targets: set at a unit (a share of its eligible, or a number of people of a
 * population), handed down to the units below (same rate, evenly, by eligible, or by hand), and
 * followed on the daily snapshots. Never on content: the measure is participation, and there is
 * no other (integrity rule 3).
 */
@Service
public class Targets {

  private final JdbcClient jdbc;
  private final Units units;
  private final ParticipationReport participation;
  private final DailySnapshots snapshots;
  private final Clock clock;

  Targets(JdbcClient jdbc, Units units, ParticipationReport participation, DailySnapshots snapshots, Clock clock) {
    this.jdbc = jdbc;
    this.units = units;
    this.participation = participation;
    this.snapshots = snapshots;
    this.clock = clock;
  }

  /**
   * Sets a unit's target: {@code percent} of its eligible residents, or {@code people} of a
   * population (members of an organisation are counted by number: the registry's member counts
   * per unit are not kept as denominators).
   */
  @Transactional
  public TargetSetting set(
      Consultation consultation, Unit unit, @Nullable String populationName, @Nullable String measureName,
      @Nullable BigDecimal percent, @Nullable Long people, @Nullable LocalDate deadline, String official) {
    if (Measure.named(measureName).isEmpty()) {
      return new TargetSetting.Refused("daily.target.contentNever");
    }
    Optional<Population> named = Population.named(populationName);
    if (named.isEmpty()) {
      return new TargetSetting.Refused("daily.target.unknownPopulation");
    }
    Population population = named.get();
    if ((percent == null) == (people == null)) {
      return new TargetSetting.Refused("daily.target.percentOrPeople");
    }
    if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
      return new TargetSetting.Refused("daily.target.percentRange");
    }
    if (percent != null && population != Population.ELIGIBLE) {
      return new TargetSetting.Refused("daily.target.membersByCount");
    }
    if (people != null && people <= 0) {
      return new TargetSetting.Refused("daily.target.peopleRange");
    }
    String window = outsideWindow(consultation, deadline);
    if (window != null) {
      return new TargetSetting.Refused(window);
    }
    long count = people != null ? people : share(percent, eligible(consultation).getOrDefault(unit.id(), 0L));
    if (count <= 0) {
      return new TargetSetting.Refused("daily.target.noEligible");
    }
    if (exists(consultation.id(), unit.id(), population, deadline)) {
      return new TargetSetting.Refused("daily.target.exists");
    }
    return new TargetSetting.Set(List.of(insert(consultation, unit.id(), population, count, percent, deadline, null, null, official)));
  }

  /** Hands a target down to the units directly below its unit, as {@code split} says. */
  @Transactional
  public TargetSetting handDown(
      Consultation consultation, long targetId, @Nullable Split split, Map<String, Long> byHand, String official) {
    Optional<Target> found = find(targetId).filter(t -> t.consultationId() == consultation.id());
    if (found.isEmpty()) {
      return new TargetSetting.Refused("daily.target.unknown");
    }
    if (split == null) {
      return new TargetSetting.Refused("daily.target.unknownSplit");
    }
    Target target = found.get();
    Unit unit = units.find(target.unitId()).orElseThrow();
    List<Unit> below = units.children(unit.id()).stream().filter(child -> DailyReports.levelOf(child).isPresent()).toList();
    if (below.isEmpty()) {
      return new TargetSetting.Refused("daily.target.nothingBelow");
    }
    Map<Long, Long> eligible = eligible(consultation);
    Map<Unit, Long> shares = new LinkedHashMap<>();
    switch (split) {
      case SAME_RATE -> {
        if (target.percent() == null) {
          return new TargetSetting.Refused("daily.target.sameRateNeedsPercent");
        }
        for (Unit child : below) {
          long people = share(target.percent(), eligible.getOrDefault(child.id(), 0L));
          if (people > 0) {
            shares.put(child, people);
          }
        }
      }
      case EVENLY -> {
        long each = target.people() / below.size();
        long left = target.people() % below.size();
        for (Unit child : below) {
          long people = each + (left-- > 0 ? 1 : 0);
          if (people > 0) {
            shares.put(child, people);
          }
        }
      }
      case BY_ELIGIBLE -> {
        long total = below.stream().mapToLong(child -> eligible.getOrDefault(child.id(), 0L)).sum();
        if (total == 0) {
          return new TargetSetting.Refused("daily.target.noEligible");
        }
        largestRemainder(target.people(), below, eligible, total).forEach((child, people) -> {
          if (people > 0) {
            shares.put(child, people);
          }
        });
      }
      case BY_HAND -> {
        long sum = 0;
        for (var entry : byHand.entrySet()) {
          Optional<Unit> child = below.stream().filter(u -> u.code().equals(entry.getKey())).findFirst();
          if (child.isEmpty()) {
            return new TargetSetting.Refused("daily.target.notBelow");
          }
          if (entry.getValue() == null || entry.getValue() < 0) {
            return new TargetSetting.Refused("daily.target.peopleRange");
          }
          if (entry.getValue() > 0) {
            shares.put(child.get(), entry.getValue());
          }
          sum += entry.getValue();
        }
        if (sum != target.people()) {
          return new TargetSetting.Refused("daily.target.splitDoesNotAddUp");
        }
      }
    }
    for (Unit child : shares.keySet()) {
      if (exists(consultation.id(), child.id(), target.population(), target.deadline())) {
        return new TargetSetting.Refused("daily.target.existsBelow");
      }
    }
    List<Target> set = new ArrayList<>();
    shares.forEach((child, people) -> set.add(insert(
        consultation, child.id(), target.population(), people, split == Split.SAME_RATE ? target.percent() : null,
        target.deadline(), target.id(), split, official)));
    return new TargetSetting.Set(set);
  }

  /** The targets of a unit, each with its progress on the latest daily snapshot of the unit's level. */
  @Transactional(readOnly = true)
  public List<TargetProgress> progress(Consultation consultation, Unit unit) {
    Optional<Level> level = DailyReports.levelOf(unit);
    List<Target> targets = of(consultation.id(), unit.id());
    if (level.isEmpty() || targets.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock.withZone(Consultation.ZONE));
    Optional<Snapshot> latest = snapshots.latest(consultation.id(), level.get(), today);
    Optional<Snapshot> earlier = latest.flatMap(s -> snapshots.latest(consultation.id(), level.get(), s.day().minusDays(3)));
    LocalDate opened = LocalDate.ofInstant(consultation.window().opens(), Consultation.ZONE);
    List<TargetProgress> progress = new ArrayList<>();
    for (Target target : targets) {
      Rate rate = rate(latest, earlier, unit.id(), target.population(), opened);
      List<TargetProgress.Miss> misses = new ArrayList<>();
      for (Target handed : handedDown(target.id())) {
        Unit child = units.find(handed.unitId()).orElseThrow();
        Rate childRate = rate(latest, earlier, child.id(), handed.population(), opened);
        long projected = childRate.projected(latest, handed.deadline());
        if (projected < handed.people()) {
          misses.add(new TargetProgress.Miss(child, handed, childRate.reached(), projected));
        }
      }
      misses.sort(Comparator.comparingDouble((TargetProgress.Miss m) -> (double) m.projected() / m.target().people()));
      progress.add(new TargetProgress(target, latest.orElse(null), rate.reached(), rate.perDay(), rate.projected(latest, target.deadline()), misses));
    }
    return progress;
  }

  /** People reached as of the latest snapshot, and per day since the one three days before (or since opening). */
  private record Rate(long reached, double perDay) {
    long projected(Optional<Snapshot> latest, LocalDate deadline) {
      long days = latest.map(s -> Math.max(0, ChronoUnit.DAYS.between(s.day(), deadline))).orElse(0L);
      return reached + Math.round(perDay * days);
    }
  }

  private Rate rate(Optional<Snapshot> latest, Optional<Snapshot> earlier, long unitId, Population population, LocalDate opened) {
    if (latest.isEmpty()) {
      return new Rate(0, 0);
    }
    long reached = snapshots.unit(latest.get(), unitId).map(u -> u.figures().getOrDefault(population.figure(), 0L)).orElse(0L);
    if (earlier.isPresent()) {
      long before = snapshots.unit(earlier.get(), unitId).map(u -> u.figures().getOrDefault(population.figure(), 0L)).orElse(0L);
      long days = Math.max(1, ChronoUnit.DAYS.between(earlier.get().day(), latest.get().day()));
      return new Rate(reached, (double) (reached - before) / days);
    }
    long days = Math.max(1, ChronoUnit.DAYS.between(opened, latest.get().day()) + 1);
    return new Rate(reached, (double) reached / days);
  }

  /** A unit's targets, soonest deadline first. */
  @Transactional(readOnly = true)
  public List<Target> of(long consultationId, long unitId) {
    return jdbc.sql("select " + COLUMNS + " from daily.target where consultation_id = ? and unit_id = ? order by deadline, population")
        .params(consultationId, unitId)
        .query((rs, n) -> target(rs))
        .list();
  }

  private List<Target> handedDown(long targetId) {
    return jdbc.sql("select " + COLUMNS + " from daily.target where parent_id = ? order by unit_id")
        .param(targetId)
        .query((rs, n) -> target(rs))
        .list();
  }

  private Optional<Target> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from daily.target where id = ?").param(id).query((rs, n) -> target(rs)).optional();
  }

  private boolean exists(long consultationId, long unitId, Population population, LocalDate deadline) {
    return jdbc.sql("select count(*) from daily.target where consultation_id = ? and unit_id = ? and population = ? and deadline = ?")
        .params(consultationId, unitId, population.name(), deadline)
        .query(Long.class)
        .single() > 0;
  }

  private Target insert(
      Consultation consultation, long unitId, Population population, long people, @Nullable BigDecimal percent,
      LocalDate deadline, @Nullable Long parentId, @Nullable Split split, String official) {
    long id =
        jdbc.sql(
                """
                insert into daily.target (consultation_id, unit_id, population, measure, people, percent, deadline,
                  parent_id, split, set_by, set_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(consultation.id(), unitId, population.name(), Measure.PARTICIPATION.name(), people, percent, deadline,
                parentId, split == null ? null : split.name(), official, Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    return new Target(id, consultation.id(), unitId, population, Measure.PARTICIPATION, people, percent, deadline, parentId, split, official);
  }

  private static final String COLUMNS = "id, consultation_id, unit_id, population, measure, people, percent, deadline, parent_id, split, set_by";

  private static Target target(ResultSet rs) throws SQLException {
    long parent = rs.getLong(9);
    Long parentId = rs.wasNull() ? null : parent;
    String split = rs.getString(10);
    return new Target(
        rs.getLong(1), rs.getLong(2), rs.getLong(3), Population.valueOf(rs.getString(4)), Measure.valueOf(rs.getString(5)),
        rs.getLong(6), rs.getBigDecimal(7), rs.getObject(8, LocalDate.class), parentId,
        split == null ? null : Split.valueOf(split), rs.getString(11));
  }

  /** The message key of why a deadline cannot be, or null: within the consultation's window, not past. */
  private @Nullable String outsideWindow(Consultation consultation, @Nullable LocalDate deadline) {
    if (deadline == null) {
      return "daily.target.noDeadline";
    }
    LocalDate opens = LocalDate.ofInstant(consultation.window().opens(), Consultation.ZONE);
    LocalDate closes = LocalDate.ofInstant(consultation.window().closes(), Consultation.ZONE);
    LocalDate today = LocalDate.now(clock.withZone(Consultation.ZONE));
    return deadline.isBefore(opens) || deadline.isAfter(closes) || deadline.isBefore(today) ? "daily.target.outsideWindow" : null;
  }

  private Map<Long, Long> eligible(Consultation consultation) {
    Map<Long, Long> counts = new java.util.HashMap<>();
    participation.eligibleAtOpeningOfEveryUnit(consultation).forEach((unit, atOpening) -> {
      if (atOpening != null) {
        counts.put(unit, atOpening);
      }
    });
    return counts;
  }

  private static long share(BigDecimal percent, long of) {
    return percent.multiply(BigDecimal.valueOf(of)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact();
  }

  /** {@code people} split over the units in proportion to their eligible, the remainders to the largest fractions. */
  private static Map<Unit, Long> largestRemainder(long people, List<Unit> below, Map<Long, Long> eligible, long total) {
    Map<Unit, Long> shares = new LinkedHashMap<>();
    List<Map.Entry<Unit, Double>> fractions = new ArrayList<>();
    long given = 0;
    for (Unit child : below) {
      double exact = (double) people * eligible.getOrDefault(child.id(), 0L) / total;
      long floor = (long) Math.floor(exact);
      shares.put(child, floor);
      given += floor;
      fractions.add(Map.entry(child, exact - floor));
    }
    fractions.sort(Map.Entry.<Unit, Double>comparingByValue().reversed().thenComparing(e -> e.getKey().code()));
    for (int i = 0; given < people; i++, given++) {
      shares.merge(fractions.get(i % fractions.size()).getKey(), 1L, Long::sum);
    }
    return shares;
  }
}
