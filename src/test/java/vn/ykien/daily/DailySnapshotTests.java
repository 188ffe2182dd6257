package vn.ykien.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.reporting.ParticipationReport;
import vn.ykien.reporting.UnitParticipation;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

@IntegrationTest
class DailySnapshotTests {

  @Autowired DailySnapshots snapshots;
  @Autowired OpinionSubmission submission;
  @Autowired ParticipationReport participation;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;
  @Autowired vn.ykien.consultation.EligiblePopulation eligibleAtOpening;
  @Autowired vn.ykien.reporting.Denominators denominators;

  Unit commune() {
    return units.find(fixtures.residentialGroup(10).parentId()).orElseThrow();
  }

  void takesPart(Consultation consultation, CitizenId citizen) {
    List<Answer> answers = new ArrayList<>();
    for (DraftItem item : fixtures.items(consultation)) {
      answers.add(new Answer(item.id(), Stance.APPROVE, null));
    }
    var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers, null, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
  }

  static Snapshot taken(SnapshotTaking taking) {
    assertThat(taking).isInstanceOf(SnapshotTaking.Taken.class);
    return ((SnapshotTaking.Taken) taking).snapshot();
  }

  @Test
  void aCommunesSnapshotCountsEveryoneBeforeTheCutOffAsTheTalliesDoAndALaterSubmissionCountsTheNextDay() {
    Consultation consultation = fixtures.anOpenConsultation();
    // Its eligible population frozen and counted per unit now, not by the schedulers mid-test.
    eligibleAtOpening.takeSnapshot(consultation);
    denominators.refresh(consultation);
    // Every submission below is of this hour or later: a cut-off at its start counts none of them.
    Instant thisHour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < 3; i++) {
      takesPart(consultation, fixtures.aResident().inGroup(3).register());
    }
    takesPart(consultation, fixtures.aResident().inGroup(10).aged(70).register());
    fixtures.readersCaughtUp();
    Instant nextHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    LocalDate yesterday = LocalDate.of(2026, 5, 13);
    LocalDate today = yesterday.plusDays(1);

    Snapshot before = taken(snapshots.takeAt(consultation, Level.COMMUNE, yesterday, thisHour));
    Snapshot after = taken(snapshots.takeAt(consultation, Level.COMMUNE, today, nextHour));

    Unit commune = commune();
    assertThat(snapshots.unit(before, commune.id()).map(UnitSnapshot::people)).as("before the cut-off").contains(0L);
    // The commune and each of its villages, as the live tallies count them now.
    List<UnitParticipation> live = participation.forUnitAndChildren(consultation, commune);
    assertThat(live.getFirst().participants()).isEqualTo(4);
    for (UnitParticipation row : live) {
      UnitSnapshot frozen = snapshots.unit(after, row.unit().id()).orElseThrow();
      assertThat(frozen.people()).as("people in %s", row.unit().code()).isEqualTo(row.participants());
      for (Channel channel : Channel.values()) {
        assertThat(frozen.figures().get("channel." + channel.name()))
            .as("%s in %s", channel, row.unit().code())
            .isEqualTo(row.participantsByChannel().get(channel));
      }
      assertThat(frozen.eligibleAtOpening()).as("eligible at opening in %s", row.unit().code()).isEqualTo(row.eligibleAtOpening());
    }
    assertThat(snapshots.unit(after, commune.id()).orElseThrow().figures().get("age.OVER_60")).isEqualTo(1);
    assertThat(snapshots.unit(after, fixtures.residentialGroup(3).id()).orElseThrow().people()).isEqualTo(3);
    assertThat(snapshots.unit(after, fixtures.residentialGroup(10).id()).orElseThrow().people()).isEqualTo(1);
    // Units of the level and the level below only: no province in a commune's snapshot.
    Unit province = units.lineage(commune.id()).get(1);
    assertThat(snapshots.unit(after, province.id())).isEmpty();

    // Taken once: asking again, even after one more person took part, gives the same snapshot.
    takesPart(consultation, fixtures.aResident().register());
    fixtures.readersCaughtUp();
    assertThat(snapshots.takeAt(consultation, Level.COMMUNE, today, nextHour))
        .isEqualTo(new SnapshotTaking.AlreadyTaken(after));
    assertThat(snapshots.unit(after, commune.id()).map(UnitSnapshot::people)).contains(4L);
  }

  @Test
  void aSnapshotIsNotTakenBeforeItsCutOffAndAMinuteForSubmissionsInFlight() {
    Consultation consultation = fixtures.anOpenConsultation();
    LocalDate tomorrow = LocalDate.now(Consultation.ZONE).plusDays(1);

    assertThat(snapshots.take(consultation, Level.COMMUNE, tomorrow))
        .isEqualTo(new SnapshotTaking.NotYet(tomorrow.atTime(15, 0).atZone(Consultation.ZONE).toInstant()));
    assertThat(snapshots.find(consultation.id(), Level.COMMUNE, tomorrow)).isEmpty();
  }

  @Test
  void thePrintedCodeLeadsToTheSignedFiguresAndAFigureChangedInTheDatabaseNoLongerChecks() {
    Consultation consultation = fixtures.anOpenConsultation();
    takesPart(consultation, fixtures.aResident().register());
    fixtures.readersCaughtUp();
    Instant nextHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    Snapshot snapshot = taken(snapshots.takeAt(consultation, Level.COMMUNE, LocalDate.of(2026, 5, 20), nextHour));
    UnitSnapshot printed = snapshots.unit(snapshot, commune().id()).orElseThrow();

    String typed = printed.code().toLowerCase(java.util.Locale.ROOT).replaceAll("(.{4})", "$1-");
    assertThat(snapshots.check(typed)).hasValueSatisfying(checked -> {
      assertThat(checked.authentic()).isTrue();
      assertThat(checked.unit().figures()).isEqualTo(printed.figures());
    });
    assertThat(snapshots.check("AAAAAAAAAAAAAAAA")).isEmpty();
    assertThat(snapshots.check("not a code")).isEmpty();

    // Nobody changes a snapshot through the database's front door...
    assertThatThrownBy(() ->
            jdbc.sql("update daily.snapshot_unit set figures[1] = figures[1] + 100 where code = ?").param(printed.code()).update())
        .hasMessageContaining("never changed");
    // ...and someone who goes round the guard is caught by the signature.
    jdbc.sql("alter table daily.snapshot_unit disable trigger snapshot_unit_frozen").update();
    try {
      jdbc.sql("update daily.snapshot_unit set figures[1] = figures[1] + 100 where code = ?").param(printed.code()).update();
    } finally {
      jdbc.sql("alter table daily.snapshot_unit enable trigger snapshot_unit_frozen").update();
    }
    assertThat(snapshots.check(printed.code())).hasValueSatisfying(checked -> {
      assertThat(checked.authentic()).isFalse();
      assertThat(checked.unit().people()).isEqualTo(printed.people() + 100);
    });
  }

  @Test
  void anyoneHoldingThePrintedReportChecksItsFiguresByItsCodeInVietnameseOrEnglish() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    takesPart(consultation, fixtures.aResident().register());
    fixtures.readersCaughtUp();
    Instant nextHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    Snapshot snapshot = taken(snapshots.takeAt(consultation, Level.COMMUNE, LocalDate.of(2026, 5, 21), nextHour));
    UnitSnapshot printed = snapshots.unit(snapshot, commune().id()).orElseThrow();

    var page = get("/check/snapshots/" + printed.code(), "vi");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-status=\"AUTHENTIC\"", "Mã hợp lệ", commune().name().vi())
        .contains("<tr data-figure=\"people\">")
        .containsPattern("data-figure=\"people\">\\s*<td>[^<]+</td>\\s*<td class=\"num\">1</td>");
    var typedForm = get("/check/snapshots?lang=en&code=" + printed.code().substring(0, 8) + "-" + printed.code().substring(8), "en");
    assertThat(typedForm.statusCode()).isEqualTo(200);
    assertThat(typedForm.body()).contains("Valid code");

    var unknown = get("/check/snapshots/AAAABBBBCCCCDDDD?lang=en", "en");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No such code").doesNotContain("data-figure");
    assertThat(get("/check/snapshots/AAAABBBBCCCCDDDD", "vi").body()).contains("Không tìm thấy mã này");
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  java.net.http.HttpResponse<String> get(String path, String language) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).header("Accept-Language", language).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Autowired vn.ykien.results.internal.Releases releases;

  @Test
  void aCommunesSnapshotKeepsTheOpinionsOfTheReleaseCurrentWhenItWasTakenAndALaterReleaseDoesNotChangeThem() {
    Consultation consultation = fixtures.anOpenConsultation();
    for (int i = 0; i < 12; i++) {
      takesPart(consultation, fixtures.aResident().inGroup(3).register());
    }
    fixtures.readersCaughtUp();
    assertThat(releases.publish(consultation.id())).isInstanceOf(vn.ykien.results.Release.Published.class);
    Instant thisHour = Instant.now().truncatedTo(ChronoUnit.HOURS);

    Snapshot snapshot = taken(snapshots.takeAt(consultation, Level.COMMUNE, LocalDate.of(2026, 5, 20), thisHour));

    SnapshotContent kept = snapshots.content(snapshot, commune().id()).orElseThrow();
    assertThat(kept.release()).isEqualTo(1);
    DraftItem first = fixtures.items(consultation).getFirst();
    assertThat(kept.items().get(first.id()).people()).isEqualTo(12);
    assertThat(snapshots.content(snapshot, fixtures.residentialGroup(3).id())).as("a village keeps no opinions").isEmpty();

    // Three more people and a second release: the snapshot still says what release 1 said.
    for (int i = 0; i < 3; i++) {
      takesPart(consultation, fixtures.aResident().inGroup(3).register());
    }
    fixtures.readersCaughtUp();
    assertThat(releases.publish(consultation.id())).isInstanceOf(vn.ykien.results.Release.Published.class);
    SnapshotContent again = snapshots.content(snapshot, commune().id()).orElseThrow();
    assertThat(again.release()).isEqualTo(1);
    assertThat(again.items().get(first.id()).people()).isEqualTo(12);
    assertThatThrownBy(() -> jdbc.sql("update daily.snapshot_content set people = 0 where snapshot_id = ?").param(snapshot.id()).update())
        .hasMessageContaining("never changed");
  }
}
