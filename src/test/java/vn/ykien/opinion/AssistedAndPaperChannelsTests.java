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

  Map<String, Object> submissionRow(Receipt receipt) {
    return jdbc.sql("select channel, official, place, paper_reference from opinion.receipt where number = ?")
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
    var paper = new Assistance.OnPaper("totruong.to01", "Nhà văn hoá tổ 1", "T01/0042", commune());

    var first = submission.submit(new SubmitOpinion(consultation.id(), citizen, 0, paper, approveAll(consultation)));
    var again = submission.submit(new SubmitOpinion(consultation.id(), citizen, 0, paper, approveAll(consultation)));

    assertThat(first).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(submissionRow(((SubmissionResult.Accepted) first).receipt()))
        .containsEntry("channel", "PAPER")
        .containsEntry("official", "totruong.to01")
        .containsEntry("paper_reference", "T01/0042");
    assertThat(again).isEqualTo(new SubmissionResult.Rejected("opinion.paperAlreadyEntered", "T01/0042"));
    assertThat(
            jdbc.sql("select count(*) from opinion.receipt where consultation_id = ?")
                .param(consultation.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(participationChannel(consultation, citizen)).isEqualTo("PAPER");
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

    assertThat(
            submission.submit(
                new SubmitOpinion(
                    consultation.id(), child, 0, new Assistance.OnPaper("canbo.giaothuy", "UBND xã", "X-1", commune()), approveAll(consultation))))
        .isEqualTo(new SubmissionResult.NotEligible(new EligibilityDecision.TooYoung(14)));
    assertThat(
            submission.submit(
                new SubmitOpinion(
                    consultation.id(),
                    CitizenId.of("099999999999"),
                    0,
                    new Assistance.OnPaper("canbo.giaothuy", "UBND xã", "X-2", commune()),
                    approveAll(consultation))))
        .isEqualTo(new SubmissionResult.NotEligible(new EligibilityDecision.NotInRegistry()));
    assertThat(
            submission.submit(
                new SubmitOpinion(
                    consultation.id(), adult, 0, new Assistance.OnPaper("canbo.giaothuy", "UBND xã", "<script>", commune()), approveAll(consultation))))
        .isEqualTo(new SubmissionResult.Rejected("opinion.paperReferenceInvalid", ""));
    assertThat(
            submission.submit(
                new SubmitOpinion(
                    consultation.id(), adult, 0, new Assistance.OnPaper("canbo.giaothuy", " ", "X-3", commune()), approveAll(consultation))))
        .isEqualTo(new SubmissionResult.Rejected("opinion.placeRequired", ""));
    assertThat(
            jdbc.sql("select count(*) from opinion.participation where consultation_id = ?")
                .param(consultation.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aPaperFormNeverReplacesWhatSomeoneSaidWithTheirOwnEid() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, approveAll(consultation)));
    List<Answer> disapprove =
        fixtures.items(consultation).stream().map(item -> new Answer(item.id(), Stance.DISAPPROVE, null)).toList();

    var paper =
        submission.submit(
            new SubmitOpinion(
                consultation.id(), citizen, 0, new Assistance.OnPaper("canbo.giaothuy", "UBND xã", "R-1", commune()), disapprove));

    assertThat(paper).isEqualTo(new SubmissionResult.Rejected("opinion.paperWouldReplaceOwn", ""));
    assertThat(submission.currentAnswers(consultation.id(), citizen)).extracting(Answer::stance).containsOnly(Stance.APPROVE);
    assertThat(participationChannel(consultation, citizen)).isEqualTo("SELF");
  }

  @Test
  void anOfficerEntersPaperFormsOnlyForPeopleOfTheirOwnUnit() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId elsewhere = fixtures.aResident().withoutEidAccount().inGroup(10).register();
    long groupOne = units.findByCode("2026-07", "14167-01").orElseThrow().id();

    var result =
        submission.submit(
            new SubmitOpinion(
                consultation.id(), elsewhere, 0, new Assistance.OnPaper("totruong.to01", "Tổ 1", "T01/9", groupOne), approveAll(consultation)));

    assertThat(result).isEqualTo(new SubmissionResult.Rejected("opinion.paperOutsideUnit", ""));
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void aFormNumberAlreadyUsedForSomeoneElseLeavesNothingBehind() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId first = fixtures.aResident().withoutEidAccount().register();
    CitizenId second = fixtures.aResident().withoutEidAccount().register();
    submission.submit(
        new SubmitOpinion(
            consultation.id(), first, 0, new Assistance.OnPaper("canbo.giaothuy", "UBND xã", "S-7", commune()), approveAll(consultation)));

    var again =
        submission.submit(
            new SubmitOpinion(
                consultation.id(), second, 0, new Assistance.OnPaper("canbo.giaothuy", "UBND xã", "S-7", commune()), approveAll(consultation)));

    assertThat(again).isEqualTo(new SubmissionResult.Rejected("opinion.paperAlreadyEntered", "S-7"));
    assertThat(fixtures.participations(consultation)).isEqualTo(1);
  }
}
