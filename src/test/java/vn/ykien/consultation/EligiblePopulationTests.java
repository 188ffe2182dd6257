package vn.ykien.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/** The eligible population: frozen at opening, live as well, and the same people Eligibility admits. */
@IntegrationTest
class EligiblePopulationTests {

  @Autowired EligiblePopulation population;
  @Autowired Eligibility eligibility;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;
  @Autowired Consultations consultations;

  Unit commune() {
    return units.findByCode("2026-07", "14167").orElseThrow();
  }

  @Test
  void theSnapshotCountsExactlyThePeopleEligibilityAdmits() {
    Consultation consultation = fixtures.anOpenConsultation();
    population.takeSnapshot(consultation);

    List<String> residents =
        jdbc.sql(
                """
                select r.citizen_id from registry.resident r join units.unit u on u.id = r.unit_id
                where u.path like ? || '%'
                """)
            .param(commune().path())
            .query(String.class)
            .list();
    long admitted =
        residents.stream()
            .filter(id -> eligibility.decide(consultation, CitizenId.of(id), 2) instanceof EligibilityDecision.Eligible)
            .count();

    List<Long> subtree = units.subtree(commune().id());
    assertThat(residents).hasSizeGreaterThan(3000);
    assertThat(admitted).isPositive().isLessThan(residents.size());
    assertThat(population.atOpening(consultation, subtree)).isEqualTo(admitted);
    assertThat(population.now(consultation, subtree)).isEqualTo(admitted);
  }

  @Test
  void theSnapshotStaysAsItWasWhileTheLiveCountFollowsTheRegistry() {
    Consultation consultation = fixtures.anOpenConsultation();
    var first = population.takeSnapshot(consultation);
    assertThat(first).isInstanceOf(EligiblePopulation.SnapshotOutcome.Taken.class);
    List<Long> group = List.of(fixtures.residentialGroup(7).id());
    long frozen = population.atOpening(consultation, group);
    long live = population.now(consultation, group);

    fixtures.aResident().aged(30).withLevel2Account().inGroup(7).register();
    fixtures.aResident().aged(30).withLevel1Account().inGroup(7).register();

    assertThat(population.atOpening(consultation, group)).isEqualTo(frozen);
    assertThat(population.now(consultation, group)).isEqualTo(live + 1);
    assertThat(population.takeSnapshot(consultation))
        .isInstanceOf(EligiblePopulation.SnapshotOutcome.AlreadyTaken.class);
    assertThat(population.atOpening(consultation, group)).isEqualTo(frozen);
  }

  @Test
  void theDemoConsultationIsFrozenAsSoonAsTheDemoIsLoaded() {
    Consultation demo = consultations.findBySlug("hien-phap-2025").orElseThrow();

    assertThat(population.snapshot(demo)).hasValueSatisfying(snapshot -> assertThat(snapshot.eligible()).isPositive());
  }

  @Test
  void aConsultationNotOpenYetHasNoSnapshot() {
    Consultation upcoming = fixtures.anUpcomingConsultation();

    assertThat(population.takeSnapshot(upcoming)).isEqualTo(new EligiblePopulation.SnapshotOutcome.NotOpenYet());
    assertThat(population.snapshot(upcoming)).isEmpty();
  }

  @Test
  void aConsultationThatClosedWithoutASnapshotGetsNoneAfterwards() {
    Consultation closed = fixtures.aClosedConsultation();
    population.takeDueSnapshots();

    assertThat(population.takeSnapshot(closed))
        .isEqualTo(new EligiblePopulation.SnapshotOutcome.ClosedWithoutSnapshot());
    assertThat(population.snapshot(closed)).isEmpty();
  }

  @Test
  void aConsultationLimitedToOneUnitCountsNobodyOutsideIt() {
    Unit group3 = fixtures.residentialGroup(3);
    Consultation local = fixtures.anOpenConsultationFor(group3);
    population.takeDueSnapshots();

    assertThat(population.snapshot(local)).isPresent();
    List<Long> commune = units.subtree(commune().id());
    long inGroup = population.atOpening(local, List.of(group3.id()));
    assertThat(inGroup).isPositive();
    assertThat(population.atOpening(local, commune)).isEqualTo(inGroup);
    assertThat(population.now(local, commune)).isEqualTo(inGroup);
    assertThat(population.snapshot(local).orElseThrow().eligible()).isEqualTo(inGroup);
  }
}
