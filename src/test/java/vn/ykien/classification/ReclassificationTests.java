package vn.ykien.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.classification.internal.Corrections;
import vn.ykien.classification.internal.Reclassification;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmitOpinion;

/** A changed classifier (here: an analyst's keyword) re-labels stored comments in resumable batches. */
@IntegrationTest
class ReclassificationTests {

  @Autowired OpinionSubmission submission;
  @Autowired Reclassification reclassification;
  @Autowired Corrections corrections;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  List<Long> itemsOfGeneralComments(Consultation consultation) {
    return jdbc.sql(
            """
            select distinct ci.item_id from classification.comment c
            join classification.comment_item ci on ci.comment_id = c.id
            where c.consultation_id = ? and c.item_id is null
            """)
        .param(consultation.id())
        .query(Long.class)
        .list();
  }

  @Test
  void aNewKeywordBringsEveryStoredCommentToItsItemBatchByBatchKeepingCorrections() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<DraftItem> items = fixtures.items(consultation);
    DraftItem units110 = CommentClassificationTests.article(items, 110);
    for (int i = 0; i < 3; i++) {
      List<Answer> answers = items.stream().map(item -> new Answer(item.id(), Stance.APPROVE, null)).toList();
      submission.submit(new SubmitOpinion(consultation.id(), fixtures.aResident().register(), 2, Assistance.SELF,
          answers, "Giữ nguyên tên huyện Giao Thuỷ, lần " + i, null));
    }
    fixtures.readersCaughtUp();
    assertThat(itemsOfGeneralComments(consultation)).isEmpty();
    long corrected = jdbc.sql("select min(id) from classification.comment where consultation_id = ?")
        .param(consultation.id()).query(Long.class).single();
    // An analyst's earlier correction of this wording (one ten people sent, in real use).
    jdbc.sql("update classification.comment set corrected_stance = 'OPPOSE', corrected_by = 'phantich' where id = ?")
        .param(corrected).update();

    assertThat(corrections.addKeyword(units110.id(), "Tên huyện", "phantich"))
        .isInstanceOf(Corrections.KeywordOutcome.Added.class);
    assertThat(reclassification.progress(consultation.id()).outdated()).isEqualTo(3);

    assertThat(reclassification.batch(consultation.id(), 1)).isEqualTo(1);
    assertThat(reclassification.progress(consultation.id()).outdated()).isEqualTo(2);
    assertThat(reclassification.all(consultation.id())).isEqualTo(2);

    assertThat(reclassification.progress(consultation.id()).outdated()).isZero();
    assertThat(itemsOfGeneralComments(consultation)).containsExactly(units110.id());
    assertThat(jdbc.sql("select corrected_stance from classification.comment where id = ?").param(corrected)
        .query(String.class).single()).isEqualTo("OPPOSE");
  }

  @Test
  void aKeywordWithoutLettersOrTwiceIsRefused() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    long item = fixtures.items(consultation).getFirst().id();

    assertThat(corrections.addKeyword(item, "👍 !!", "phantich")).isInstanceOf(Corrections.KeywordOutcome.Unusable.class);
    assertThat(corrections.addKeyword(item, "x".repeat(81), "phantich")).isInstanceOf(Corrections.KeywordOutcome.Unusable.class);
    assertThat(corrections.addKeyword(item, "Công đoàn", "phantich")).isInstanceOf(Corrections.KeywordOutcome.Added.class);
    assertThat(corrections.addKeyword(item, "công  đoàn", "phantich")).isInstanceOf(Corrections.KeywordOutcome.AlreadyThere.class);
    assertThat(corrections.correctStance(-1, CommentStance.SUPPORT, "phantich", "/"))
        .isInstanceOf(Corrections.Outcome.UnknownComment.class);
    assertThat(corrections.correctStance(1, CommentStance.UNCLEAR, "phantich", "/"))
        .isInstanceOf(Corrections.Outcome.NotAStance.class);
  }

  @Test
  void onePersonsOwnWordingCannotBeCorrectedOnlyOneTenPeopleSent() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<Answer> answers =
        fixtures.items(consultation).stream().map(item -> new Answer(item.id(), Stance.APPROVE, null)).toList();
    String own = "Ý kiến riêng " + System.nanoTime();
    submission.submit(new SubmitOpinion(consultation.id(), fixtures.aResident().register(), 2, Assistance.SELF, answers, own, null));
    for (int i = 0; i < 10; i++) {
      submission.submit(new SubmitOpinion(consultation.id(), fixtures.aResident().register(), 2, Assistance.SELF, answers, "Nên giữ như cũ", null));
    }
    fixtures.readersCaughtUp();
    long single = jdbc.sql("select id from classification.comment where consultation_id = ? and text = ?")
        .params(consultation.id(), own).query(Long.class).single();
    long shared = jdbc.sql("select min(id) from classification.comment where consultation_id = ? and text = 'Nên giữ như cũ'")
        .param(consultation.id()).query(Long.class).single();

    assertThat(corrections.correctStance(single, CommentStance.OPPOSE, "phantich", "/"))
        .isInstanceOf(Corrections.Outcome.UnknownComment.class);
    assertThat(corrections.correctStance(shared, CommentStance.OPPOSE, "phantich", "/"))
        .isInstanceOf(Corrections.Outcome.Corrected.class);

    assertThat(jdbc.sql("select count(*) from classification.comment where consultation_id = ? and corrected_stance = 'OPPOSE'")
        .param(consultation.id()).query(Long.class).single()).isEqualTo(10);
    // The same wording sent again later keeps the correction.
    submission.submit(new SubmitOpinion(consultation.id(), fixtures.aResident().register(), 2, Assistance.SELF, answers, "Nên giữ như cũ", null));
    assertThat(CommentClassificationTests.afterReaders(fixtures, () -> jdbc.sql("select count(*) from classification.comment where consultation_id = ? and corrected_stance = 'OPPOSE'")
                .param(consultation.id()).query(Long.class).single()))
        .isEqualTo(11);
  }
}
