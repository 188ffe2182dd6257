package vn.ykien.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.reporting.ParticipationReport;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

@IntegrationTest
class TargetTests {

  @Autowired Targets targets;
  @Autowired DailySnapshots snapshots;
  @Autowired Consultations consultations;
  @Autowired ParticipationReport participation;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;

  /** The demo's consultation: its eligible population was frozen when it opened. */
  Consultation constitution() {
    return consultations.findBySlug("hien-phap-2025").orElseThrow();
  }

  Unit commune() {
    return units.findByCode("2026-07", "14167").orElseThrow();
  }

  /** A deadline of its own for each test (a unit has one target per population and deadline). */
  LocalDate deadline(int daysBeforeClosing) {
    return LocalDate.ofInstant(constitution().window().closes(), Consultation.ZONE).minusDays(daysBeforeClosing);
  }

  long eligibleAtOpening(Unit unit) {
    Long count = participation.eligibleAtOpeningOfEveryUnit(constitution()).get(unit.id());
    assertThat(count).as("eligible at opening in %s", unit.code()).isNotNull();
    return count;
  }

  @Test
  void aTargetIsOnParticipationOnlyAnyOtherMeasureIsRefusedByTheUseCaseAndByTheDatabase() {
    for (String content : new String[] {"APPROVAL", "APPROVE", "STANCE", "participation", ""}) {
      assertThat(targets.set(constitution(), commune(), "ELIGIBLE", content, BigDecimal.valueOf(95), null, deadline(1), "canbo.giaothuy"))
          .as(content)
          .isEqualTo(new TargetSetting.Refused("daily.target.contentNever"));
    }
    assertThat(Measure.values()).containsExactly(Measure.PARTICIPATION);
    assertThatThrownBy(() ->
            jdbc.sql("""
                insert into daily.target (consultation_id, unit_id, population, measure, people, deadline, set_by, set_at)
                values (?, ?, 'ELIGIBLE', 'APPROVAL', 10, current_date, 'x', now())
                """)
                .params(constitution().id(), commune().id())
                .update())
        .hasMessageContaining("target_measure_check");
    assertThat(targets.of(constitution().id(), commune().id())).noneMatch(t -> t.deadline().equals(deadline(1)));
  }

  @Test
  void aCommuneSets95PercentOfItsResidentsAndHandsItDownToEachGroupAtTheSameRate() {
    var set = (TargetSetting.Set) targets.set(constitution(), commune(), "ELIGIBLE", "PARTICIPATION", new BigDecimal("95"), null, deadline(2), "canbo.giaothuy");
    Target target = set.targets().getFirst();
    assertThat(target.people()).isEqualTo(BigDecimal.valueOf(eligibleAtOpening(commune())).multiply(new BigDecimal("0.95")).setScale(0, RoundingMode.CEILING).longValueExact());

    var handed = (TargetSetting.Set) targets.handDown(constitution(), target.id(), Split.SAME_RATE, Map.of(), "canbo.giaothuy");

    assertThat(handed.targets()).isNotEmpty().allSatisfy(each -> {
      Unit group = units.find(each.unitId()).orElseThrow();
      assertThat(group.parentId()).isEqualTo(commune().id());
      assertThat(each.people()).isEqualTo(
          BigDecimal.valueOf(eligibleAtOpening(group)).multiply(new BigDecimal("0.95")).setScale(0, RoundingMode.CEILING).longValueExact());
      assertThat(each.parentId()).isEqualTo(target.id());
    });
    assertThat(targets.handDown(constitution(), target.id(), Split.EVENLY, Map.of(), "canbo.giaothuy"))
        .as("handed down once").isEqualTo(new TargetSetting.Refused("daily.target.existsBelow"));
  }

  @Test
  void aSplitByHandMustAddUpAndWhatIsRefusedStoresNothing() {
    var set = (TargetSetting.Set) targets.set(constitution(), commune(), "PARTY", "PARTICIPATION", null, 30L, deadline(3), "canbo.giaothuy");
    Target members = set.targets().getFirst();

    assertThat(targets.handDown(constitution(), members.id(), Split.BY_HAND, Map.of("14167-01", 10L, "14167-02", 10L), "canbo.giaothuy"))
        .isEqualTo(new TargetSetting.Refused("daily.target.splitDoesNotAddUp"));
    assertThat(targets.handDown(constitution(), members.id(), Split.BY_HAND, Map.of("14167-01", 20L, "14161", 10L), "canbo.giaothuy"))
        .isEqualTo(new TargetSetting.Refused("daily.target.notBelow"));
    assertThat(jdbc.sql("select count(*) from daily.target where parent_id = ?").param(members.id()).query(Long.class).single()).isZero();

    var split = (TargetSetting.Set) targets.handDown(constitution(), members.id(), Split.BY_HAND, Map.of("14167-01", 20L, "14167-02", 10L), "canbo.giaothuy");
    assertThat(split.targets()).extracting(Target::people).containsExactlyInAnyOrder(20L, 10L);

    var evenly = (TargetSetting.Set) targets.set(constitution(), commune(), "YOUTH_UNION", "PARTICIPATION", null, 52L, deadline(3), "canbo.giaothuy");
    var spread = (TargetSetting.Set) targets.handDown(constitution(), evenly.targets().getFirst().id(), Split.EVENLY, Map.of(), "canbo.giaothuy");
    assertThat(spread.targets().stream().mapToLong(Target::people).sum()).isEqualTo(52);
  }

  @Test
  void targetsThatCannotBeAreRefusedWithTheirReason() {
    Unit commune = commune();
    Consultation c = constitution();
    assertThat(targets.set(c, commune, "ELIGIBLE", "PARTICIPATION", new BigDecimal("120"), null, deadline(4), "x"))
        .isEqualTo(new TargetSetting.Refused("daily.target.percentRange"));
    assertThat(targets.set(c, commune, "PARTY", "PARTICIPATION", new BigDecimal("100"), null, deadline(4), "x"))
        .isEqualTo(new TargetSetting.Refused("daily.target.membersByCount"));
    assertThat(targets.set(c, commune, "MONKS", "PARTICIPATION", null, 5L, deadline(4), "x"))
        .isEqualTo(new TargetSetting.Refused("daily.target.unknownPopulation"));
    assertThat(targets.set(c, commune, "ELIGIBLE", "PARTICIPATION", null, 5L, deadline(-1), "x"))
        .isEqualTo(new TargetSetting.Refused("daily.target.outsideWindow"));
    assertThat(targets.set(c, commune, "ELIGIBLE", "PARTICIPATION", BigDecimal.TEN, 5L, deadline(4), "x"))
        .isEqualTo(new TargetSetting.Refused("daily.target.percentOrPeople"));
    assertThat(targets.of(c.id(), commune.id())).noneMatch(t -> t.deadline().equals(deadline(4)));
  }

  @Test
  void progressIsReadOnTheLatestSnapshotWithTheUnitsBelowThatTheirRateWouldMiss() {
    Consultation c = constitution();
    LocalDate yesterday = LocalDate.now(Consultation.ZONE).minusDays(1);
    snapshots.take(c, Level.COMMUNE, yesterday);
    Snapshot latest = snapshots.latest(c.id(), Level.COMMUNE, LocalDate.now(Consultation.ZONE)).orElseThrow();
    var set = (TargetSetting.Set) targets.set(c, commune(), "ELIGIBLE", "PARTICIPATION", new BigDecimal("100"), null, deadline(5), "canbo.giaothuy");
    targets.handDown(c, set.targets().getFirst().id(), Split.SAME_RATE, Map.of(), "canbo.giaothuy");

    TargetProgress progress = targets.progress(c, commune()).stream()
        .filter(p -> p.target().deadline().equals(deadline(5))).findFirst().orElseThrow();

    assertThat(progress.asOf()).isEqualTo(latest);
    assertThat(progress.reached()).isEqualTo(snapshots.unit(latest, commune().id()).orElseThrow().people());
    assertThat(progress.projected()).isGreaterThanOrEqualTo(progress.reached());
    // Everyone eligible by the deadline: at the demo's pace, the groups below miss it, lowest first.
    assertThat(progress.willMiss()).isEqualTo(progress.projected() < progress.target().people());
    assertThat(progress.below()).allSatisfy(miss -> assertThat(miss.projected()).isLessThan(miss.target().people()));
  }
}
