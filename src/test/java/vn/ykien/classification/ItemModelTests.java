package vn.ykien.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.classification.internal.Classifiers;
import vn.ykien.classification.internal.ItemModels;
import vn.ykien.classification.internal.Reclassification;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmitOpinion;

/**
 * Comments that cite an article teach the consultation's item model what people call that article
 * in their own words; it then finds the article in comments that do not cite it.
 */
@IntegrationTest
class ItemModelTests {

  @Autowired OpinionSubmission submission;
  @Autowired ItemModels itemModels;
  @Autowired Classifiers classifiers;
  @Autowired Reclassification reclassification;
  @Autowired Fixtures fixtures;

  void send(Consultation consultation, String general) {
    List<Answer> answers =
        fixtures.items(consultation).stream().map(item -> new Answer(item.id(), Stance.APPROVE, null)).toList();
    submission.submit(new SubmitOpinion(consultation.id(), fixtures.aResident().register(), 2, Assistance.SELF, answers, general, null));
  }

  @Test
  void theWordsPeopleUseBesideACitationLeadToTheItemWithoutOne() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<DraftItem> items = fixtures.items(consultation);
    DraftItem units110 = CommentClassificationTests.article(items, 110);
    String[] homeland = {"quê hương", "tên làng cũ", "nơi chôn rau cắt rốn", "tên gọi quê hương", "gốc gác quê nhà", "tên xứ sở"};
    String[] questions = {"chánh án", "viện trưởng", "toà án tỉnh", "viện kiểm sát", "xét xử", "bản án"};
    for (int i = 0; i < 6; i++) {
      send(consultation, "Điều 110: giữ " + homeland[i] + " cho con cháu, lần " + i);
      send(consultation, "Điều 115: " + questions[i] + " phải trả lời trước dân, lần " + i);
      send(consultation, "Chợ phiên cuối tuần đông vui, giá rau hôm nay rẻ, lần " + i);
    }
    fixtures.readersCaughtUp();
    itemModels.forget(consultation.id());

    var model = itemModels.forConsultation(consultation.id());

    assertThat(model).isNotNull();
    assertThat(model.version()).startsWith("items-");
    assertThat(model.labels()).contains(Long.toString(units110.id()), ItemModels.OUTSIDE);
    CommentClassification read = classifiers.forConsultation(consultation.id())
        .classify("Mong giữ được tên gọi quê hương cho con cháu", null);
    assertThat(read.version()).contains("+items-");
    assertThat(read.items()).first().satisfies(item -> {
      assertThat(item.itemId()).isEqualTo(units110.id());
      assertThat(item.signal()).isEqualTo(ItemScore.Signal.MODEL);
    });
    assertThat(classifiers.forConsultation(consultation.id()).classify("Chợ phiên cuối tuần đông vui quá", null).outsideDraft())
        .isTrue();
  }
}
