package vn.ykien.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.EligibilityDecision;
import vn.ykien.shared.CitizenId;

@IntegrationTest
class AssistedAndPaperChannelsTests {

  @Autowired OpinionSubmission submission;
  @Autowired PaperForms paperForms;
  @Autowired SupportPoints supportPoints;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired vn.ykien.units.Units units;

  /** Giao Thuỷ, where the fixtures' residents live. */
  long commune() {
    return units.findByCode("2026-07", "14167").orElseThrow().id();
  }

  List<Answer> approveAll(Consultation consultation) {
    return fixtures.items(consultation).stream().map(item -> new Answer(item.id(), Stance.APPROVE, null)).toList();
  }

  /** One officer types the form. */
  PaperEntry typed(Consultation consultation, CitizenId citizen, String officer, String reference, long unit, List<Answer> answers) {
    return paperForms.enter(
        new SubmitOpinion(consultation.id(), citizen, 0, new Assistance.OnPaper(officer, "UBND xã", reference, unit), answers));
  }

  /** The commune's officer types it, and the commune's second officer types it again. */
  PaperEntry typedTwice(Consultation consultation, CitizenId citizen, String reference, long unit, List<Answer> answers) {
    PaperEntry first = typed(consultation, citizen, "canbo.giaothuy", reference, unit, answers);
    return first instanceof PaperEntry.AwaitingSecondEntry
        ? typed(consultation, citizen, "vanthu.giaothuy", reference, unit, answers)
        : first;
  }

  Map<String, Object> submissionRow(Receipt receipt) {
    return jdbc.sql("select channel, official, place, paper_reference, paper_confirmed_by from opinion.receipt where number = ?")
        .param(receipt.number())
        .query()
        .singleRow();
  }

  String participationChannel(Consultation consultation, CitizenId citizen) {
    return jdbc.sql("select channel from opinion.participation where consultation_id = ? and citizen_id = ?")
        .params(consultation.id(), citizen.value())
        .query(String.class)
        .single();
  }

  @Test
  void aCitizenHelpedAtASupportPointCountsAsAssistedWithTheOfficerAndThePlaceRecorded() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    var issued = supportPoints.issue("canbo.giaothuy", 1L, consultation, "  Nhà văn hoá tổ 5 ");
    String code = ((SupportPoints.Issuance.Issued) issued).code().code();

    Assistance helped = supportPoints.resolve(code.toLowerCase().replace("-", " "), consultation.id()).orElseThrow();
    var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, helped, approveAll(consultation)));

    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
    Receipt receipt = ((SubmissionResult.Accepted) result).receipt();
    assertThat(submissionRow(receipt))
        .containsEntry("channel", "ASSISTED")
        .containsEntry("official", "canbo.giaothuy")
        .containsEntry("place", "Nhà văn hoá tổ 5");
    assertThat(participationChannel(consultation, citizen)).isEqualTo("ASSISTED");
  }

  @Test
  void aSupportCodeIsForItsOwnConsultationOnly() {
    Consultation consultation = fixtures.anOpenConsultation();
    Consultation other = fixtures.anOpenConsultation();
    var issued = (SupportPoints.Issuance.Issued) supportPoints.issue("canbo.giaothuy", 1L, consultation, "Tại nhà");

    assertThat(supportPoints.resolve(issued.code().code(), other.id())).isEmpty();
    assertThat(supportPoints.resolve("HT-0000-0000", consultation.id())).isEmpty();
    assertThat(supportPoints.issue("canbo.giaothuy", 1L, consultation, " "))
        .isEqualTo(new SupportPoints.Issuance.Refused("opinion.placeRequired"));
    assertThat(supportPoints.issue("canbo.giaothuy", 1L, fixtures.aClosedConsultation(), "Tại nhà"))
        .isEqualTo(new SupportPoints.Issuance.Refused("eligibility.closed"));
  }

  @Test
  void aPaperFormCountsWithoutAnEidAccountAndIsEnteredOnlyOnce() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().withoutEidAccount().register();

    var first = typedTwice(consultation, citizen, "T01/0042", commune(), approveAll(consultation));
    var again = typedTwice(consultation, citizen, "T01/0042", commune(), approveAll(consultation));

    assertThat(first).isInstanceOf(PaperEntry.Confirmed.class);
    assertThat(submissionRow(((PaperEntry.Confirmed) first).receipt()))
        .containsEntry("channel", "PAPER")
        .containsEntry("official", "canbo.giaothuy")
        .containsEntry("paper_confirmed_by", "vanthu.giaothuy")
        .containsEntry("paper_reference", "T01/0042");
    assertThat(again)
        .isEqualTo(new PaperEntry.Refused(new SubmissionResult.Rejected("opinion.paperAlreadyEntered", "T01/0042")));
    assertThat(
            jdbc.sql("select count(*) from opinion.receipt where consultation_id = ?")
                .param(consultation.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(participationChannel(consultation, citizen)).isEqualTo("PAPER");
  }

  @Test
  void aPaperFormTypedByOneOfficerCountsOnlyWhenASecondOfficerTypesItAlike() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().withoutEidAccount().register();
    List<Answer> onPaper =
        fixtures.items(consultation).stream()
            .map(item -> new Answer(item.id(), Stance.APPROVE, "Đồng ý  với\nđiều này"))
            .toList();
    List<Answer> altered =
        fixtures.items(consultation).stream().map(item -> new Answer(item.id(), Stance.DISAPPROVE, null)).toList();

    assertThat(typed(consultation, citizen, "canbo.giaothuy", "H-1", commune(), onPaper))
        .isEqualTo(new PaperEntry.AwaitingSecondEntry("H-1"));
    assertThat(fixtures.participations(consultation)).isZero();
    // The first entry keeps who, where and a keyed digest: never what the form says.
    assertThat(jdbc.sql("select row_to_json(e)::text from opinion.paper_entry e where reference = 'H-1'").query(String.class).single())
        .doesNotContain("Đồng ý")
        .doesNotContain("APPROVE");

    // The officer who typed it cannot confirm it alone, nor can an officer of another commune.
    assertThat(typed(consultation, citizen, "canbo.giaothuy", "H-1", commune(), onPaper))
        .isEqualTo(new PaperEntry.SameOfficer("H-1"));
    long groupOne = units.findByCode("2026-07", "14167-01").orElseThrow().id();
    assertThat(typed(consultation, citizen, "totruong.to01", "H-1", groupOne, onPaper))
        .isEqualTo(new PaperEntry.OutsideArea("H-1"));
    // A second entry that says something else does not count either.
    assertThat(typed(consultation, citizen, "vanthu.giaothuy", "H-1", commune(), altered))
        .isEqualTo(new PaperEntry.DoesNotMatch("H-1", "canbo.giaothuy"));
    assertThat(fixtures.participations(consultation)).isZero();

    // Typed alike (spacing aside), it counts, and the confirmation is in the audit trail.
    List<Answer> retyped =
        fixtures.items(consultation).stream().map(item -> new Answer(item.id(), Stance.APPROVE, "Đồng ý với điều này")).toList();
    var confirmed = typed(consultation, citizen, "vanthu.giaothuy", "H-1", commune(), retyped);

    assertThat(confirmed).isInstanceOf(PaperEntry.Confirmed.class);
    assertThat(fixtures.participations(consultation)).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from opinion.paper_entry where reference = 'H-1'").query(Long.class).single()).isZero();
    assertThat(
            jdbc.sql("select official, detail from audit.entry where action = ? order by id desc limit 1")
                .param(PaperForms.AUDITED_ACTION)
                .query()
                .singleRow())
        .containsEntry("official", "vanthu.giaothuy")
        .containsEntry("detail", "H-1 | entered by canbo.giaothuy");
  }

  @Test
  void aPaperFormCannotBeSubmittedWithoutTheSecondEntry() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().withoutEidAccount().register();

    var direct =
        submission.submit(
            new SubmitOpinion(
                consultation.id(), citizen, 0, new Assistance.OnPaper("canbo.giaothuy", "UBND xã", "D-1", commune()), approveAll(consultation)));

    assertThat(direct).isEqualTo(new SubmissionResult.Rejected("opinion.paperNeedsSecondEntry", ""));
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void withoutAnEidAccountOnlyThePaperChannelIsOpen() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().withoutEidAccount().register();

    var online = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, approveAll(consultation)));

    assertThat(online).isEqualTo(new SubmissionResult.NotEligible(new EligibilityDecision.NoAccount()));
  }

  @Test
  void aPaperFormStillNeedsTheMinimumAgeARegisteredResidentAndAProperNumber() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId child = fixtures.aResident().aged(12).withoutEidAccount().register();
    CitizenId adult = fixtures.aResident().withoutEidAccount().register();

    assertThat(typed(consultation, child, "canbo.giaothuy", "X-1", commune(), approveAll(consultation)))
        .isEqualTo(new PaperEntry.Refused(new SubmissionResult.NotEligible(new EligibilityDecision.TooYoung(14))));
    assertThat(typed(consultation, CitizenId.of("099999999999"), "canbo.giaothuy", "X-2", commune(), approveAll(consultation)))
        .isEqualTo(new PaperEntry.Refused(new SubmissionResult.NotEligible(new EligibilityDecision.NotInRegistry())));
    assertThat(typed(consultation, adult, "canbo.giaothuy", "<script>", commune(), approveAll(consultation)))
        .isEqualTo(new PaperEntry.Refused(new SubmissionResult.Rejected("opinion.paperReferenceInvalid", "")));
    assertThat(
            paperForms.enter(
                new SubmitOpinion(
                    consultation.id(), adult, 0, new Assistance.OnPaper("canbo.giaothuy", " ", "X-3", commune()), approveAll(consultation))))
        .isEqualTo(new PaperEntry.Refused(new SubmissionResult.Rejected("opinion.placeRequired", "")));
    assertThat(
            jdbc.sql("select count(*) from opinion.participation where consultation_id = ?")
                .param(consultation.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from opinion.paper_entry where consultation_id = ?").param(consultation.id()).query(Long.class).single())
        .isZero();
  }

  @Test
  void aPaperFormNeverReplacesWhatSomeoneSaidWithTheirOwnEid() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, approveAll(consultation)));
    List<Answer> disapprove =
        fixtures.items(consultation).stream().map(item -> new Answer(item.id(), Stance.DISAPPROVE, null)).toList();

    var paper = typedTwice(consultation, citizen, "R-1", commune(), disapprove);

    assertThat(paper).isEqualTo(new PaperEntry.Refused(new SubmissionResult.Rejected("opinion.paperWouldReplaceOwn", "")));
    assertThat(submission.currentAnswers(consultation.id(), citizen)).extracting(Answer::stance).containsOnly(Stance.APPROVE);
    assertThat(participationChannel(consultation, citizen)).isEqualTo("SELF");
  }

  @Test
  void anOfficerEntersPaperFormsOnlyForPeopleOfTheirOwnUnit() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId elsewhere = fixtures.aResident().withoutEidAccount().inGroup(10).register();
    long groupOne = units.findByCode("2026-07", "14167-01").orElseThrow().id();

    var result = typed(consultation, elsewhere, "totruong.to01", "T01/9", groupOne, approveAll(consultation));

    assertThat(result).isEqualTo(new PaperEntry.Refused(new SubmissionResult.Rejected("opinion.paperOutsideUnit", "")));
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void aFormNumberAlreadyUsedForSomeoneElseLeavesNothingBehind() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId first = fixtures.aResident().withoutEidAccount().register();
    CitizenId second = fixtures.aResident().withoutEidAccount().register();
    typedTwice(consultation, first, "S-7", commune(), approveAll(consultation));

    var again = typedTwice(consultation, second, "S-7", commune(), approveAll(consultation));

    assertThat(again).isEqualTo(new PaperEntry.Refused(new SubmissionResult.Rejected("opinion.paperAlreadyEntered", "S-7")));
    assertThat(fixtures.participations(consultation)).isEqualTo(1);
  }

  @Test
  void aSecondEntryForAnotherPersonUnderTheSameNumberDoesNotMatch() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId first = fixtures.aResident().withoutEidAccount().register();
    CitizenId other = fixtures.aResident().withoutEidAccount().register();
    typed(consultation, first, "canbo.giaothuy", "P-2", commune(), approveAll(consultation));

    assertThat(typed(consultation, other, "vanthu.giaothuy", "P-2", commune(), approveAll(consultation)))
        .isEqualTo(new PaperEntry.DoesNotMatch("P-2", "canbo.giaothuy"));
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Autowired vn.ykien.opinion.internal.PaperEntryCleanup paperEntryCleanup;

  @Test
  void aFormTypedOnceAndNeverConfirmedIsForgottenAfterTwoWeeks() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId stale = fixtures.aResident().withoutEidAccount().register();
    CitizenId fresh = fixtures.aResident().withoutEidAccount().register();
    typed(consultation, stale, "canbo.giaothuy", "C-1", commune(), approveAll(consultation));
    typed(consultation, fresh, "canbo.giaothuy", "C-2", commune(), approveAll(consultation));
    jdbc.sql("update opinion.paper_entry set entered_at = now() - interval '15 days' where reference = 'C-1'").update();

    paperEntryCleanup.forgetUnconfirmed();

    assertThat(jdbc.sql("select reference from opinion.paper_entry where consultation_id = ?")
            .param(consultation.id())
            .query(String.class)
            .list())
        .containsExactly("C-2");
  }
}
