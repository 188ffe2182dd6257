package vn.ykien.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.registry.Membership;
import vn.ykien.registry.Occupation;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

@IntegrationTest
class ParticipationReportTests {

  @Autowired ParticipationReport report;
  @Autowired OpinionSubmission submission;
  @Autowired vn.ykien.opinion.PaperForms paperForms;
  @Autowired vn.ykien.opinion.OwnOpinions own;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired Denominators denominators;
  @Autowired vn.ykien.registry.ResidentChanges residentChanges;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  void takePart(Consultation consultation, CitizenId citizen, Channel channel) {
    List<Answer> answers =
        fixtures.items(consultation).stream()
            .map(item -> new Answer(item.id(), Stance.APPROVE, null))
            .toList();
    var assistance =
        switch (channel) {
          case SELF -> vn.ykien.opinion.Assistance.SELF;
          case ASSISTED -> new vn.ykien.opinion.Assistance.Helped("canbo.giaothuy", "Nhà văn hoá tổ 7");
          case PAPER -> new vn.ykien.opinion.Assistance.OnPaper(
              "canbo.giaothuy", "Nhà văn hoá tổ 7", "P-" + citizen.value(), units.findByCode("2026-07", "14167").orElseThrow().id());
        };
    if (assistance instanceof vn.ykien.opinion.Assistance.OnPaper typed) {
      // Four eyes: a second officer of the commune types the same form again.
      paperForms.enter(new SubmitOpinion(consultation.id(), citizen, 0, typed, answers));
      paperForms.enter(
          new SubmitOpinion(
              consultation.id(),
              citizen,
              0,
              new vn.ykien.opinion.Assistance.OnPaper("vanthu.giaothuy", typed.place(), typed.reference(), typed.unitId()),
              answers));
      return;
    }
    submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, assistance, answers));
  }

  UnitParticipation row(Consultation consultation, Unit commune, String code) {
    return report.forUnitAndChildren(consultation, commune).stream()
        .filter(row -> row.unit().code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  /** The row once every reader of the opinion log has applied what was sent. */
  <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> until) {
    fixtures.readersCaughtUp();
    return value.get();
  }

  @Test
  void countsEachParticipantOnceInTheirResidentialGroupAndTheCommune() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    Unit commune = units.findByCode("2026-07", "14167").orElseThrow();
    CitizenId first = fixtures.aResident().inGroup(7).register();
    CitizenId second = fixtures.aResident().inGroup(7).register();
    CitizenId elsewhere = fixtures.aResident().inGroup(8).register();

    takePart(consultation, first, Channel.SELF);
    takePart(consultation, first, Channel.SELF);
    takePart(consultation, second, Channel.ASSISTED);
    takePart(consultation, elsewhere, Channel.SELF);
    denominators.refresh(consultation);

    UnitParticipation group7 =
        eventually(() -> row(consultation, commune, "14167-07"), row -> row.participants() == 2);
    assertThat(group7.participants()).isEqualTo(2);
    assertThat(group7.participantsByChannel())
        .containsEntry(Channel.SELF, 1L)
        .containsEntry(Channel.ASSISTED, 1L)
        .containsEntry(Channel.PAPER, 0L);
    UnitParticipation whole =
        eventually(() -> row(consultation, commune, "14167"), row -> row.participants() == 3);
    assertThat(whole.participants()).isEqualTo(3);
    assertThat(whole.eligible()).isGreaterThan(1000);
  }

  @Test
  void theDashboardCountsPeoplePerDayAndPerCitizenGroupWithChannelsApart() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    Unit commune = units.findByCode("2026-07", "14167").orElseThrow();
    java.time.LocalDate before = java.time.LocalDate.now(Consultation.ZONE);
    CitizenId veteran =
        fixtures.aResident().male().aged(70).working(Occupation.FARMER).memberOf(Membership.VETERANS, Membership.PARTY).inGroup(3).register();
    CitizenId student = fixtures.aResident().aged(20).working(Occupation.STUDENT).memberOf(Membership.YOUTH_UNION).inGroup(4).register();
    CitizenId neighbour = fixtures.aResident().aged(40).inGroup(4).register();
    takePart(consultation, veteran, Channel.SELF);
    takePart(consultation, student, Channel.ASSISTED);
    takePart(consultation, neighbour, Channel.SELF);
    // A revision is not a new participant: the day and the group stay those of the first time.
    takePart(consultation, student, Channel.SELF);
    fixtures.readersCaughtUp();

    ParticipationDetail detail = report.detail(consultation, commune);

    // One day (two if midnight in Vietnam fell during the test), everyone once.
    assertThat(detail.days()).isNotEmpty().allSatisfy(day -> assertThat(day.day()).isBetween(before, java.time.LocalDate.now(Consultation.ZONE)));
    assertThat(detail.days().stream().mapToLong(ParticipationDetail.Day::total).sum()).isEqualTo(3);
    assertThat(detail.days().getLast().cumulative()).isEqualTo(3);
    assertThat(detail.days().stream().mapToLong(day -> day.people().get(Channel.SELF)).sum()).isEqualTo(3);
    assertThat(detail.days().stream().mapToLong(day -> day.people().get(Channel.ASSISTED)).sum()).isZero();
    assertThat(people(detail.age())).containsEntry("OVER_60", 1L).containsEntry("FROM_18_TO_34", 1L)
        .containsEntry("FROM_35_TO_44", 1L).containsEntry("UNDER_18", 0L);
    assertThat(people(detail.sex())).containsEntry("M", 1L).containsEntry("F", 2L);
    assertThat(people(detail.occupation())).containsEntry("FARMER", 1L).containsEntry("STUDENT", 1L)
        .containsEntry(ParticipationDetail.NONE, 1L);
    // Someone in two organisations counts in each; the share of each is of everyone.
    assertThat(people(detail.memberships())).containsEntry("VETERANS", 1L).containsEntry("PARTY", 1L)
        .containsEntry("YOUTH_UNION", 1L).containsEntry("WOMEN_UNION", 0L).containsEntry(ParticipationDetail.NONE, 1L);
    // Every breakdown of people adds up to everyone who took part.
    long everyone = row(consultation, commune, "14167").participants();
    for (var breakdown : List.of(detail.age(), detail.sex(), detail.occupation())) {
      assertThat(breakdown.stream().mapToLong(ParticipationDetail.Group::total).sum()).isEqualTo(everyone);
    }
    // A residential group's dashboard counts only its own people.
    Unit group4 = fixtures.residentialGroup(4);
    assertThat(people(report.detail(consultation, group4).sex())).containsEntry("M", 0L).containsEntry("F", 2L);
  }

  private static Map<String, Long> people(List<ParticipationDetail.Group> groups) {
    Map<String, Long> totals = new java.util.LinkedHashMap<>();
    groups.forEach(group -> totals.put(group.value(), group.total()));
    return totals;
  }

  @Test
  void aRevisionThroughAnotherChannelMovesThePersonButCountsThemOnce() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    Unit commune = units.findByCode("2026-07", "14167").orElseThrow();
    CitizenId citizen = fixtures.aResident().inGroup(9).register();

    takePart(consultation, citizen, Channel.ASSISTED);
    eventually(() -> row(consultation, commune, "14167-09"), row -> row.participants() == 1);
    takePart(consultation, citizen, Channel.SELF);

    UnitParticipation group9 =
        eventually(
            () -> row(consultation, commune, "14167-09"),
            row -> row.participantsByChannel().get(Channel.SELF) == 1L);
    assertThat(group9.participants()).isEqualTo(1);
    assertThat(group9.participantsByChannel()).containsEntry(Channel.SELF, 1L).containsEntry(Channel.ASSISTED, 0L);
  }

  @Test
  void aWithdrawnOpinionNoLongerCountsItsParticipant() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    Unit commune = units.findByCode("2026-07", "14167").orElseThrow();
    CitizenId staying = fixtures.aResident().inGroup(11).register();
    CitizenId leaving = fixtures.aResident().inGroup(11).register();
    takePart(consultation, staying, Channel.SELF);
    takePart(consultation, leaving, Channel.ASSISTED);
    eventually(() -> row(consultation, commune, "14167-11"), row -> row.participants() == 2);

    own.withdraw(new vn.ykien.opinion.WithdrawOpinion(consultation.id(), leaving, 2));

    UnitParticipation group11 =
        eventually(() -> row(consultation, commune, "14167-11"), row -> row.participants() == 1);
    assertThat(group11.participants()).isEqualTo(1);
    assertThat(group11.participantsByChannel()).containsEntry(Channel.SELF, 1L).containsEntry(Channel.ASSISTED, 0L);
  }

  @Test
  void regionsAndUrbanAndRuralAddUpTheirProvincesAndCommunes() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    Unit commune = units.findByCode("2026-07", "14167").orElseThrow();
    Unit province = units.find(commune.parentId()).orElseThrow();
    Unit nation = units.find(province.parentId()).orElseThrow();
    for (int i = 0; i < 3; i++) {
      takePart(consultation, fixtures.aResident().inGroup(5).register(), Channel.SELF);
    }
    denominators.refresh(consultation);
    fixtures.readersCaughtUp();

    List<UnitParticipation> provinces = report.forUnitAndChildren(consultation, nation);
    List<AreaParticipation> regions = report.byRegion(consultation, nation);
    assertThat(regions).extracting(row -> row.region() == null ? "none" : row.region().code())
        .as("the six regions in their order")
        .containsExactly("TDMNPB", "DBSH", "BTBDHMT", "TN", "DNB", "DBSCL");
    assertThat(regions.stream().mapToInt(AreaParticipation::units).sum()).isEqualTo(provinces.size() - 1);
    assertThat(regions.stream().mapToLong(AreaParticipation::participants).sum())
        .isEqualTo(provinces.getFirst().participants());
    assertThat(regions.stream().mapToLong(AreaParticipation::eligible).sum())
        .isEqualTo(provinces.getFirst().eligible());
    // Ninh Bình (37) lies in the Red River Delta: its participants count there.
    long ninhBinh = provinces.stream().filter(row -> row.unit().code().equals("37")).findFirst().orElseThrow().participants();
    assertThat(ninhBinh).isGreaterThanOrEqualTo(3);
    assertThat(regions.get(1).participants()).isGreaterThanOrEqualTo(ninhBinh);

    List<AreaParticipation> settlements = report.bySettlement(consultation, province);
    UnitParticipation whole = provinces.stream().filter(row -> row.unit().code().equals("37")).findFirst().orElseThrow();
    assertThat(settlements).extracting(AreaParticipation::settlement)
        .containsExactly(vn.ykien.units.Settlement.URBAN, vn.ykien.units.Settlement.RURAL);
    assertThat(settlements.stream().mapToLong(AreaParticipation::participants).sum()).isEqualTo(whole.participants());
    assertThat(settlements.stream().mapToLong(AreaParticipation::eligible).sum()).isEqualTo(whole.eligible());
    assertThat(settlements.get(1).participants()).as("Giao Thuỷ is a commune (xã): rural").isGreaterThanOrEqualTo(3);
    assertThat(report.bySettlement(consultation, commune)).as("no split below provinces").isEmpty();
    assertThat(report.byRegion(consultation, province)).as("regions are of the nation").isEmpty();
  }

  /** Eligible now per unit of the commune and its groups, as the officials' page shows them. */
  Map<String, Long> eligibleNow(Consultation consultation, Unit commune) {
    Map<String, Long> now = new java.util.TreeMap<>();
    for (UnitParticipation row : report.forUnitAndChildren(consultation, commune)) {
      now.put(row.unit().code(), row.eligible());
    }
    return now;
  }

  @Test
  void eligibleNowFollowsTheRegistrysChangesAndEqualsAFullRecount() {
    Consultation consultation = fixtures.anOpenConsultation();
    Unit commune = units.findByCode("2026-07", "14167").orElseThrow();
    CitizenId moving = fixtures.aResident().inGroup(5).register();
    CitizenId losingAccount = fixtures.aResident().inGroup(5).register();
    denominators.refresh(consultation);
    Map<String, Long> before = eligibleNow(consultation, commune);

    // New residents (one of them too young, one with a level-1 account only), a move, and an
    // account that is no longer level 2: as an import of a newer list would change them.
    for (int i = 0; i < 3; i++) {
      fixtures.aResident().inGroup(5).register();
    }
    fixtures.aResident().aged(12).inGroup(5).register();
    fixtures.aResident().withLevel1Account().inGroup(5).register();
    jdbc.sql("update registry.resident set unit_id = ? where citizen_id = ?")
        .params(fixtures.residentialGroup(6).id(), moving.value())
        .update();
    jdbc.sql("update registry.resident set eid_level = 1 where citizen_id = ?").param(losingAccount.value()).update();
    while (denominators.followRegistry(consultation, true) > 0) {
      // until every change is applied
    }

    Map<String, Long> followed = eligibleNow(consultation, commune);
    assertThat(followed.get("14167")).isEqualTo(before.get("14167") + 3 - 1);
    assertThat(followed.get("14167-05")).isEqualTo(before.get("14167-05") + 3 - 2);
    assertThat(followed.get("14167-06")).isEqualTo(before.get("14167-06") + 1);
    denominators.refresh(consultation);
    assertThat(eligibleNow(consultation, commune)).as("a full recount of the registry").isEqualTo(followed);

    // Changes it never applied were dropped (as while it stood closed): it counts in full again.
    fixtures.aResident().inGroup(5).register();
    residentChanges.forgetUpTo(residentChanges.head());
    denominators.followRegistry(consultation, true);
    assertThat(eligibleNow(consultation, commune).get("14167-05")).isEqualTo(followed.get("14167-05") + 1);
  }
}
