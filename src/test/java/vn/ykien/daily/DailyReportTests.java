package vn.ykien.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
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
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

@IntegrationTest
class DailyReportTests {

  @Autowired DailyReports reports;
  @Autowired DailySnapshots snapshots;
  @Autowired OpinionSubmission submission;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;

  static final OutreachLines TWO_MEETINGS = new OutreachLines(2, 1, 35, "Nhiều người cao tuổi chưa có tài khoản định danh mức 2", "Đề nghị xã bố trí thêm điểm hỗ trợ");

  Unit village() {
    return fixtures.residentialGroup(4);
  }

  Unit commune() {
    return units.find(village().parentId()).orElseThrow();
  }

  /** Yesterday: its cut-offs have all passed, its due times too. */
  LocalDate yesterday() {
    return LocalDate.now(Consultation.ZONE).minusDays(1);
  }

  void takesPart(Consultation consultation) {
    List<Answer> answers = new ArrayList<>();
    for (DraftItem item : fixtures.items(consultation)) {
      answers.add(new Answer(item.id(), Stance.APPROVE, null));
    }
    submission.submit(new SubmitOpinion(consultation.id(), fixtures.aResident().inGroup(4).register(), 2, Assistance.SELF, answers, null, null));
  }

  @Test
  void aGroupOfficerConfirmsTheDaysReportWhoseFiguresComeFromTheSnapshotAndOnlyTheirLinesAreTyped() {
    Consultation consultation = fixtures.anOpenConsultation();
    takesPart(consultation);
    fixtures.readersCaughtUp();
    LocalDate day = yesterday();

    var opening = (ReportOpening.Ready) reports.open(consultation, village(), day);
    Snapshot frozen = snapshots.find(consultation.id(), Level.VILLAGE, day).orElseThrow();
    assertThat(opening.figures()).isEqualTo(snapshots.unit(frozen, village().id()).orElseThrow());
    assertThat(opening.versions()).isEmpty();

    var confirmed = (Confirmation.Confirmed) reports.confirm(consultation, village(), day, TWO_MEETINGS, null, "totruong.to04");
    assertThat(confirmed.report().version()).isEqualTo(1);
    assertThat(confirmed.report().snapshotId()).isEqualTo(frozen.id());
    assertThat(confirmed.report().late()).as("yesterday's report confirmed today").isTrue();

    // A second tap on the button: the same report, nothing new stored.
    assertThat(reports.confirm(consultation, village(), day, TWO_MEETINGS, null, "totruong.to04"))
        .isEqualTo(new Confirmation.AlreadyConfirmed(confirmed.report()));
    assertThat(reports.versions(consultation.id(), village().id(), day)).hasSize(1);
  }

  @Test
  void aConfirmedReportIsCorrectedOnlyByANewVersionWithItsReasonAndBothAreKept() {
    Consultation consultation = fixtures.anOpenConsultation();
    LocalDate day = yesterday();
    var first = (Confirmation.Confirmed) reports.confirm(consultation, village(), day, TWO_MEETINGS, null, "totruong.to04");
    OutreachLines corrected = new OutreachLines(3, 1, 35, TWO_MEETINGS.difficulties(), TWO_MEETINGS.proposals());

    assertThat(reports.confirm(consultation, village(), day, corrected, "  ", "totruong.to04"))
        .isEqualTo(new Confirmation.ReasonRequired(first.report()));
    var second = (Confirmation.Confirmed) reports.confirm(consultation, village(), day, corrected, "Quên buổi họp tối ở nhà văn hoá", "totruong.to04");

    assertThat(second.report().version()).isEqualTo(2);
    assertThat(reports.versions(consultation.id(), village().id(), day))
        .extracting(DailyReport::version, report -> report.lines().meetings(), DailyReport::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 2, null),
            org.assertj.core.groups.Tuple.tuple(2, 3, "Quên buổi họp tối ở nhà văn hoá"));
    assertThatThrownBy(() -> jdbc.sql("delete from daily.report where id = ?").param(first.report().id()).update())
        .hasMessageContaining("never changed");
  }

  @Test
  void linesThatCannotBeKeptAreRefusedAndNothingIsStored() {
    Consultation consultation = fixtures.anOpenConsultation();
    LocalDate day = yesterday();

    assertThat(reports.confirm(consultation, village(), day, new OutreachLines(-1, 0, 0, "", ""), null, "totruong.to04"))
        .isEqualTo(new Confirmation.Invalid("daily.report.negative"));
    assertThat(reports.confirm(consultation, village(), day, new OutreachLines(0, 0, 0, "x".repeat(2001), ""), null, "totruong.to04"))
        .isEqualTo(new Confirmation.Invalid("daily.report.tooLong"));
    LocalDate tomorrow = LocalDate.now(Consultation.ZONE).plusDays(1);
    assertThat(reports.confirm(consultation, village(), tomorrow, TWO_MEETINGS, null, "totruong.to04"))
        .isInstanceOf(Confirmation.NotFrozenYet.class);
    assertThat(reports.versions(consultation.id(), village().id(), day)).isEmpty();
    assertThat(reports.versions(consultation.id(), village().id(), tomorrow)).isEmpty();
  }

  @Test
  void theCommuneSeesWhichGroupsReportedOnTimeLateOrNotAtAllAndRemindsTheMissing() {
    Consultation consultation = fixtures.anOpenConsultation();
    LocalDate day = yesterday();
    reports.confirm(consultation, village(), day, TWO_MEETINGS, null, "totruong.to04");

    Completeness completeness = reports.completeness(consultation, commune(), day);

    assertThat(completeness.expected()).isEqualTo(units.children(commune().id()).size());
    assertThat(completeness.received()).isEqualTo(1);
    assertThat(completeness.onTime()).isZero();
    assertThat(completeness.rows().getFirst().status()).as("lagging first").isEqualTo(Completeness.Status.MISSING);
    assertThat(completeness.rows()).filteredOn(row -> row.unit().id() == village().id())
        .singleElement().extracting(Completeness.Row::status).isEqualTo(Completeness.Status.LATE);

    Unit missing = completeness.rows().getFirst().unit();
    assertThat(reports.remind(consultation, commune(), missing.code(), day, "canbo.giaothuy"))
        .isEqualTo(new DailyReports.Reminding.Reminded(missing));
    assertThat(reports.remind(consultation, commune(), village().code(), day, "canbo.giaothuy"))
        .isEqualTo(new DailyReports.Reminding.AlreadyConfirmed(village()));
    assertThat(reports.remind(consultation, commune(), "37", day, "canbo.giaothuy")).isEqualTo(new DailyReports.Reminding.NotBelow());
    var missingsReport = (ReportOpening.Ready) reports.open(consultation, missing, day);
    assertThat(missingsReport.remindedAt()).hasSize(1);
    assertThat(reports.completeness(consultation, commune(), day).rows())
        .filteredOn(row -> row.unit().id() == missing.id()).singleElement().extracting(Completeness.Row::reminders).isEqualTo(1);
    assertThat(Instant.now()).isAfter(completeness.rows().getFirst().dueAt());
  }
}
