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
class OwnOpinionsTests {

  @Autowired OpinionSubmission submission;
  @Autowired OwnOpinions own;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  Receipt send(Consultation consultation, CitizenId citizen, List<Answer> answers, String general) {
    var result =
        submission.submit(
            new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers, general, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
    return ((SubmissionResult.Accepted) result).receipt();
  }

  static List<Answer> all(List<DraftItem> items, Stance stance) {
    return items.stream().map(item -> new Answer(item.id(), stance, stance.needsText() ? "Một phần" : null)).toList();
  }

  long count(String table, Consultation consultation) {
    // Content is written by the mixer, apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    return jdbc.sql("select count(*) from opinion." + table + " where consultation_id = ?")
        .param(consultation.id())
        .query(Long.class)
        .single();
  }

  @Test
  void aCitizenSeesEveryRevisionTheySentAndEveryReceiptTheyGot() {
    Consultation consultation = fixtures.anOpenConsultation();
    List<DraftItem> items = fixtures.items(consultation);
    CitizenId citizen = fixtures.aResident().register();
    send(consultation, citizen, all(items, Stance.APPROVE), "Lần đầu");
    send(consultation, citizen, all(items, Stance.DISAPPROVE), null);
    // The latest revision shows at once (from the citizen's own sealed copy)…
    assertThat(own.history(consultation.id(), citizen).entries().getLast())
        .isInstanceOfSatisfying(OpinionHistory.Revision.class, latest -> assertThat(latest.revision()).isEqualTo(2));
    // …and every earlier one once the mixer has written it.
    fixtures.readersCaughtUp();

    OpinionHistory history = own.history(consultation.id(), citizen);

    assertThat(history.entries()).hasSize(2);
    assertThat(history.entries().get(0))
        .isInstanceOfSatisfying(
            OpinionHistory.Revision.class,
            first -> {
              assertThat(first.revision()).isEqualTo(1);
              assertThat(first.answers()).extracting(Answer::stance).containsOnly(Stance.APPROVE);
              assertThat(first.generalComment()).isEqualTo("Lần đầu");
            });
    assertThat(history.entries().get(1))
        .isInstanceOfSatisfying(
            OpinionHistory.Revision.class,
            second -> {
              assertThat(second.answers()).extracting(Answer::stance).containsOnly(Stance.DISAPPROVE);
              assertThat(second.generalComment()).isNull();
            });
    assertThat(history.standing()).isTrue();
    assertThat(history.receipts()).hasSize(2).allMatch(OpinionHistory.IssuedReceipt::standing);
    assertThat(history.receipts())
        .allSatisfy(issued -> assertThat(submission.verify(issued.receipt().token())).isInstanceOf(ReceiptCheck.Valid.class));
  }

  @Test
  void anotherCitizensHistoryHoldsNothingOfThisOne() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    CitizenId neighbour = fixtures.aResident().register();
    send(consultation, citizen, all(fixtures.items(consultation), Stance.APPROVE), null);

    assertThat(own.history(consultation.id(), neighbour).isEmpty()).isTrue();
    assertThat(own.history(consultation.id(), neighbour).receipts()).isEmpty();
  }

  @Test
  void withdrawingEndsTheParticipationRevokesEveryReceiptAndKeepsTheHistory() {
    Consultation consultation = fixtures.anOpenConsultation();
    List<DraftItem> items = fixtures.items(consultation);
    CitizenId citizen = fixtures.aResident().register();
    Receipt first = send(consultation, citizen, all(items, Stance.APPROVE), "Ý kiến chung");
    Receipt second = send(consultation, citizen, all(items, Stance.PARTLY), null);
    long answersBefore = count("current_answer", consultation);

    var result = own.withdraw(new WithdrawOpinion(consultation.id(), citizen, 2));

    assertThat(result).isEqualTo(new WithdrawalResult.Withdrawn(3, 2));
    assertThat(submission.currentAnswers(consultation.id(), citizen)).isEmpty();
    assertThat(submission.currentGeneralComment(consultation.id(), citizen)).isEmpty();
    assertThat(count("current_answer", consultation)).isEqualTo(answersBefore - items.size());
    assertThat(count("participation", consultation)).isZero();
    assertThat(submission.verify(first.token())).isInstanceOf(ReceiptCheck.Revoked.class);
    assertThat(submission.verify(second.token())).isInstanceOf(ReceiptCheck.Revoked.class);
    OpinionHistory history = own.history(consultation.id(), citizen);
    assertThat(history.entries()).hasSize(3);
    assertThat(history.entries().getLast()).isInstanceOf(OpinionHistory.Withdrawal.class);
    assertThat(history.standing()).isFalse();
    assertThat(history.receipts()).noneMatch(OpinionHistory.IssuedReceipt::standing);
  }

  @Test
  void aCitizenWhoWithdrewCanSendAgainWhileTheWindowIsOpen() {
    Consultation consultation = fixtures.anOpenConsultation();
    List<DraftItem> items = fixtures.items(consultation);
    CitizenId citizen = fixtures.aResident().register();
    Receipt before = send(consultation, citizen, all(items, Stance.APPROVE), null);
    own.withdraw(new WithdrawOpinion(consultation.id(), citizen, 2));

    var again =
        submission.submit(
            new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, all(items, Stance.DISAPPROVE)));

    assertThat(again)
        .isInstanceOfSatisfying(SubmissionResult.Accepted.class, accepted -> {
          assertThat(accepted.revision()).isEqualTo(3);
          assertThat(submission.verify(accepted.receipt().token())).isInstanceOf(ReceiptCheck.Valid.class);
        });
    assertThat(submission.verify(before.token())).isInstanceOf(ReceiptCheck.Revoked.class);
    assertThat(count("participation", consultation)).isEqualTo(1);
    assertThat(own.history(consultation.id(), citizen).standing()).isTrue();
  }

  @Test
  void withdrawingWithoutAnOpinionChangesNothing() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();

    assertThat(own.withdraw(new WithdrawOpinion(consultation.id(), citizen, 2)))
        .isInstanceOf(WithdrawalResult.NothingToWithdraw.class);
    assertThat(own.history(consultation.id(), citizen).isEmpty()).isTrue();
  }

  @Test
  void aLevel1SignInCannotWithdrawAnOpinion() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    send(consultation, citizen, all(fixtures.items(consultation), Stance.APPROVE), null);

    assertThat(own.withdraw(new WithdrawOpinion(consultation.id(), citizen, 1)))
        .isEqualTo(new WithdrawalResult.NotAllowed(new EligibilityDecision.LevelTooLow(1)));
    assertThat(submission.currentAnswers(consultation.id(), citizen)).hasSize(3);
  }

  @Test
  void nothingIsWithdrawnAfterTheWindowCloses() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    Receipt receipt = send(consultation, citizen, all(fixtures.items(consultation), Stance.APPROVE), null);
    fixtures.close(consultation);

    assertThat(own.withdraw(new WithdrawOpinion(consultation.id(), citizen, 2)))
        .isEqualTo(new WithdrawalResult.NotAllowed(new EligibilityDecision.Closed()));
    assertThat(submission.currentAnswers(consultation.id(), citizen)).hasSize(3);
    assertThat(submission.verify(receipt.token())).isInstanceOf(ReceiptCheck.Valid.class);
    assertThat(own.history(consultation.id(), citizen).standing()).isTrue();
  }
}
