package vn.ykien.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.consultation.EligibilityDecision;
import vn.ykien.shared.CitizenId;

@IntegrationTest
class OpinionSubmissionTests {

  @Autowired OpinionSubmission submission;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  static List<Answer> approveAll(List<DraftItem> items) {
    return items.stream().map(item -> new Answer(item.id(), Stance.APPROVE, null)).toList();
  }

  SubmissionResult submit(Consultation consultation, CitizenId citizen, int level, List<Answer> answers) {
    return submission.submit(new SubmitOpinion(consultation.id(), citizen, level, Assistance.SELF, answers));
  }

  long storedAnswers(Consultation consultation) {
    // Content is written by the mixer, apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    return jdbc.sql("select count(*) from opinion.current_answer where consultation_id = ?")
        .param(consultation.id())
        .query(Long.class)
        .single();
  }

  @Test
  void acceptsAnOpinionOnEveryItemAndIssuesAReceipt() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().aged(30).withLevel2Account().register();

    var result = submit(consultation, citizen, 2, approveAll(fixtures.items(consultation)));

    assertThat(result).isInstanceOfSatisfying(SubmissionResult.Accepted.class, accepted -> {
      assertThat(accepted.revision()).isEqualTo(1);
      assertThat(accepted.receipt().number()).matches("YK-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
    });
    assertThat(storedAnswers(consultation)).isEqualTo(3);
    assertThat(submission.currentAnswers(consultation.id(), citizen)).hasSize(3);
  }

  @Test
  void revisingReplacesTheEarlierAnswerAndTheLatestCounts() {
    Consultation consultation = fixtures.anOpenConsultation();
    List<DraftItem> items = fixtures.items(consultation);
    CitizenId citizen = fixtures.aResident().register();
    submit(consultation, citizen, 2, approveAll(items));

    var revised =
        submit(
            consultation,
            citizen,
            2,
            List.of(
                new Answer(items.get(0).id(), Stance.DISAPPROVE, "Giữ nguyên Điều 9"),
                new Answer(items.get(1).id(), Stance.APPROVE, null),
                new Answer(items.get(2).id(), Stance.APPROVE, null)));

    assertThat(revised).isInstanceOfSatisfying(
        SubmissionResult.Accepted.class, accepted -> assertThat(accepted.revision()).isEqualTo(2));
    assertThat(storedAnswers(consultation)).isEqualTo(3);
    assertThat(fixtures.participations(consultation)).isEqualTo(1);
    assertThat(submission.currentAnswers(consultation.id(), citizen))
        .contains(new Answer(items.get(0).id(), Stance.DISAPPROVE, "Giữ nguyên Điều 9"));
    // Content is written by the mixer, apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    long kept =
        jdbc.sql("select count(*) from opinion.answer_revision where consultation_id = ?")
            .param(consultation.id())
            .query(Long.class)
            .single();
    assertThat(kept).isEqualTo(6);
  }

  @Test
  void storesContentUnderAPseudonymNeverUnderTheCitizenId() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    submit(consultation, citizen, 2, approveAll(fixtures.items(consultation)));

    // Content is written by the mixer, apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    List<byte[]> pseudonyms =
        jdbc.sql("select distinct pseudonym from opinion.current_answer where consultation_id = ?")
            .param(consultation.id())
            .query(byte[].class)
            .list();
    assertThat(pseudonyms).hasSize(1);
    assertThat(new String(pseudonyms.getFirst(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(citizen.value());
    List<String> answerColumns =
        jdbc.sql(
                "select column_name from information_schema.columns"
                    + " where table_schema = 'opinion' and table_name in ('answer_revision', 'current_answer')")
            .query(String.class)
            .list();
    assertThat(answerColumns).doesNotContain("citizen_id").contains("pseudonym");
  }

  @Test
  void rejectsAnOpinionOnAnItemOfAnotherDraftAndStoresNothing() {
    Consultation consultation = fixtures.anOpenConsultation();
    Consultation other = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    List<Answer> answers =
        List.of(
            new Answer(fixtures.items(other).get(0).id(), Stance.APPROVE, null),
            new Answer(fixtures.items(consultation).get(1).id(), Stance.APPROVE, null),
            new Answer(fixtures.items(consultation).get(2).id(), Stance.APPROVE, null));

    assertThat(submit(consultation, citizen, 2, answers))
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            rejected -> assertThat(rejected.messageKey()).isEqualTo("opinion.unknownItem"));
    assertThat(storedAnswers(consultation)).isZero();
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void rejectsAnOpinionThatLeavesAnItemUnanswered() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    List<Answer> two = approveAll(fixtures.items(consultation)).subList(0, 2);

    assertThat(submit(consultation, citizen, 2, two))
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            rejected -> assertThat(rejected.messageKey()).isEqualTo("opinion.missingItems"));
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void rejectsACommentOver5000CharactersAndStoresNothing() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    List<DraftItem> items = fixtures.items(consultation);
    List<Answer> answers =
        List.of(
            new Answer(items.get(0).id(), Stance.APPROVE, "ý".repeat(5001)),
            new Answer(items.get(1).id(), Stance.APPROVE, null),
            new Answer(items.get(2).id(), Stance.APPROVE, null));

    assertThat(submit(consultation, citizen, 2, answers))
        .isInstanceOfSatisfying(
            SubmissionResult.Rejected.class,
            rejected -> assertThat(rejected.messageKey()).isEqualTo("opinion.commentTooLong"));
    assertThat(storedAnswers(consultation)).isZero();
  }

  @Test
  void acceptsACommentOfExactly5000Characters() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    List<DraftItem> items = fixtures.items(consultation);
    List<Answer> answers =
        List.of(
            new Answer(items.get(0).id(), Stance.APPROVE, "ý".repeat(5000)),
            new Answer(items.get(1).id(), Stance.APPROVE, null),
            new Answer(items.get(2).id(), Stance.APPROVE, null));

    assertThat(submit(consultation, citizen, 2, answers)).isInstanceOf(SubmissionResult.Accepted.class);
  }

  @Test
  void rejectsAnOpinionAfterTheWindowCloses() {
    Consultation consultation = fixtures.aClosedConsultation();
    CitizenId citizen = fixtures.aResident().register();

    assertThat(submit(consultation, citizen, 2, approveAll(fixtures.items(consultation))))
        .isEqualTo(new SubmissionResult.NotEligible(new EligibilityDecision.Closed()));
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void rejectsALevel1Account() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().withLevel1Account().register();

    assertThat(submit(consultation, citizen, 1, approveAll(fixtures.items(consultation))))
        .isEqualTo(new SubmissionResult.NotEligible(new EligibilityDecision.LevelTooLow(1)));
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void rejectsA13YearOld() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().aged(13).withLevel2Account().register();

    assertThat(submit(consultation, citizen, 2, approveAll(fixtures.items(consultation))))
        .isEqualTo(new SubmissionResult.NotEligible(new EligibilityDecision.TooYoung(14)));
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void rejectsSomeoneWhoIsNotInTheRegistry() {
    Consultation consultation = fixtures.anOpenConsultation();

    assertThat(submit(consultation, CitizenId.of("079099999999"), 2, approveAll(fixtures.items(consultation))))
        .isEqualTo(new SubmissionResult.NotEligible(new EligibilityDecision.NotInRegistry()));
  }

  @Test
  void partlyAgreeingMustSayWithWhichPart() {
    Consultation consultation = fixtures.anOpenConsultation();
    List<DraftItem> items = fixtures.items(consultation);
    CitizenId citizen = fixtures.aResident().register();
    List<Answer> silent = new java.util.ArrayList<>(approveAll(items));
    silent.set(0, new Answer(items.get(0).id(), Stance.PARTLY, "  "));

    var refused = submit(consultation, citizen, 2, silent);

    assertThat(refused)
        .isEqualTo(new SubmissionResult.Rejected("opinion.partlyNeedsText", String.valueOf(items.get(0).id())));
    assertThat(storedAnswers(consultation)).isZero();
    assertThat(fixtures.participations(consultation)).isZero();

    List<Answer> explained = new java.util.ArrayList<>(approveAll(items));
    explained.set(0, new Answer(items.get(0).id(), Stance.PARTLY, "Đồng ý khoản 1, chưa đồng ý khoản 2."));
    assertThat(submit(consultation, citizen, 2, explained)).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(submission.currentAnswers(consultation.id(), citizen))
        .contains(new Answer(items.get(0).id(), Stance.PARTLY, "Đồng ý khoản 1, chưa đồng ý khoản 2."));
  }

  @Test
  void aGeneralCommentIsKeptWithTheOpinionRevisedWithItAndNeverTooLong() {
    Consultation consultation = fixtures.anOpenConsultation();
    List<DraftItem> items = fixtures.items(consultation);
    CitizenId citizen = fixtures.aResident().register();

    var first =
        submission.submit(
            new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, approveAll(items), "Nên lấy ý kiến lâu hơn.", null));
    assertThat(first).isInstanceOf(SubmissionResult.Accepted.class);
    assertThat(submission.currentGeneralComment(consultation.id(), citizen)).contains("Nên lấy ý kiến lâu hơn.");

    var tooLong =
        submission.submit(
            new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, approveAll(items), "x".repeat(5001), null));
    assertThat(tooLong).isEqualTo(new SubmissionResult.Rejected("opinion.generalCommentTooLong", ""));
    assertThat(submission.currentGeneralComment(consultation.id(), citizen)).contains("Nên lấy ý kiến lâu hơn.");

    submit(consultation, citizen, 2, approveAll(items));
    assertThat(submission.currentGeneralComment(consultation.id(), citizen)).isEmpty();
    // Content is written by the mixer, apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    assertThat(
            jdbc.sql("select count(*) from opinion.general_comment_revision where consultation_id = ?")
                .param(consultation.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void theDatabaseStopsACitizenAfter20SubmissionsAMinuteWhicheverServerTheyReach() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    List<Answer> answers = approveAll(fixtures.items(consultation));
    for (int i = 0; i < 20; i++) {
      assertThat(submit(consultation, citizen, 2, answers)).isInstanceOf(SubmissionResult.Accepted.class);
    }

    var refused = submit(consultation, citizen, 2, answers);

    assertThat(refused)
        .isInstanceOfSatisfying(
            SubmissionResult.TooFrequent.class, wait -> assertThat(wait.retryAfterSeconds()).isBetween(1L, 60L));
    // Content is written by the mixer, apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    assertThat(
            jdbc.sql("select count(distinct revision) from opinion.answer_revision where consultation_id = ?")
                .param(consultation.id())
                .query(Long.class)
                .single())
        .isEqualTo(20);
  }
}
