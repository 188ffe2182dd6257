package vn.ykien.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.classification.CommentResults.CampaignResult;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.registry.Sex;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/** Themes and campaigns of comments are of at least k = 10 people, and never show one person's wording. */
@IntegrationTest
class ResultsReportTests {

  @Autowired OpinionSubmission submission;
  @Autowired ResultsReport report;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;

  void send(Consultation consultation, CitizenId citizen, Long itemId, String comment, String general) {
    List<Answer> answers = new ArrayList<>();
    for (DraftItem item : fixtures.items(consultation)) {
      answers.add(new Answer(item.id(), Stance.APPROVE, itemId != null && item.id() == itemId ? comment : null));
    }
    var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers, general, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
  }

  void awaitClassified(Consultation consultation, int comments) {
    fixtures.readersCaughtUp();
    long stored = jdbc.sql("select count(*) from classification.comment where consultation_id = ?")
        .param(consultation.id()).query(Long.class).single();
    assertThat(stored).isGreaterThanOrEqualTo(comments);
  }


  Unit commune() {
    Unit group = fixtures.residentialGroup(10);
    return units.find(group.parentId()).orElseThrow();
  }

  @Test
  void copiesSentTogetherFromOneCommuneStandOutAsACampaign() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    String copied = "Chúng tôi đề nghị giữ nguyên tên huyện Giao Thuỷ vì tên gọi gắn với lịch sử hàng trăm năm của quê hương";
    for (int i = 0; i < 15; i++) {
      send(consultation, fixtures.aResident().register(), null, null, i % 4 == 0 ? copied.toLowerCase() : copied);
    }
    for (int i = 0; i < 3; i++) {
      send(consultation, fixtures.aResident().register(), null, null, "Ý kiến riêng của tôi về sáp nhập, số " + i);
    }
    awaitClassified(consultation, 18);

    List<CampaignResult> campaigns = report.campaigns(consultation.id(), commune(), ResultsFilter.EVERYONE);
    List<CampaignResult> women = report.campaigns(consultation.id(), commune(), new ResultsFilter(null, Sex.F, null));

    assertThat(campaigns).singleElement().satisfies(campaign -> {
      assertThat(campaign.people()).isEqualTo(15);
      assertThat(campaign.communes()).isEqualTo(1);
      assertThat(campaign.peakComments()).isEqualTo(15);
      assertThat(campaign.peakCommune()).isEqualTo(commune());
      assertThat(campaign.concentrated()).isTrue();
      // The exact wording 11 people sent; the lower-case copies (4 people) are never shown.
      assertThat(campaign.text()).isEqualTo(copied);
    });
    // Arrivals are not counted per group: under a group filter there is no peak to show.
    assertThat(women).singleElement().satisfies(campaign -> {
      assertThat(campaign.peakComments()).isNull();
      assertThat(campaign.concentrated()).isFalse();
    });
    assertThat(campaigns).extracting(CampaignResult::text).noneMatch(text -> text.contains("riêng"));
  }

  @Test
  void anItemsThemesShowOnlyThemesOfTenPeopleAndOnlyWordingsTenPeopleSent() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    DraftItem units110 = CommentClassificationTests.article(fixtures.items(consultation), 110);
    for (int i = 0; i < 12; i++) {
      send(consultation, fixtures.aResident().register(), units110.id(), "Trụ sở xã mới quá xa dân", null);
    }
    String own = "Trụ sở xã xa, người già như tôi đi lại khó, mã " + System.nanoTime();
    send(consultation, fixtures.aResident().register(), units110.id(), own, null);
    for (int i = 0; i < 2; i++) {
      send(consultation, fixtures.aResident().register(), units110.id(), "Đổi giấy tờ sau sáp nhập mất thời gian, lần " + i, null);
    }
    awaitClassified(consultation, 15);

    var themes = report.themes(consultation.id(), commune(), ResultsFilter.EVERYONE, units110.id());

    assertThat(themes).singleElement().satisfies(theme -> {
      assertThat(theme.people()).isEqualTo(15);
      assertThat(theme.terms()).isNotEmpty();
      assertThat(theme.representatives()).containsExactly("Trụ sở xã mới quá xa dân");
      // Only words ten people or more wrote: none of the one person's own ("người già", the code).
      assertThat(theme.terms()).allMatch(term -> "trụ sở xã mới quá xa dân".contains(term.toLowerCase()));
    });
    assertThat(themes.toString()).doesNotContain(own).doesNotContain("già");
  }

  @Test
  void aThemeCountsEachPersonOnceThoughTheyCommentedOnTheItemTwice() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    DraftItem units110 = CommentClassificationTests.article(fixtures.items(consultation), 110);
    // Nine people, each with a comment on the article and a general comment citing it: eighteen
    // comments on the article, from fewer than ten people.
    for (int i = 0; i < 9; i++) {
      send(consultation, fixtures.aResident().register(), units110.id(), "Trụ sở xã mới quá xa dân",
          "Về Điều 110: trụ sở xã mới quá xa dân, đi lại vất vả");
    }
    awaitClassified(consultation, 18);
    assertThat(jdbc.sql("""
            select count(*) from classification.comment c
            join classification.comment_item ci on ci.comment_id = c.id and ci.item_id = ?
            where c.consultation_id = ?""")
        .params(units110.id(), consultation.id()).query(Long.class).single())
        .as("both comments of each person concern the article").isEqualTo(18);

    assertThat(report.themes(consultation.id(), commune(), ResultsFilter.EVERYONE, units110.id())).isEmpty();

    send(consultation, fixtures.aResident().register(), units110.id(), "Trụ sở xã mới quá xa dân", null);
    awaitClassified(consultation, 19);

    assertThat(report.themes(consultation.id(), commune(), ResultsFilter.EVERYONE, units110.id()))
        .singleElement().extracting(CommentResults.ThemeResult::people).isEqualTo(10);
  }

  @Test
  void aVillageShowsNoContentStatistics() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();

    assertThatThrownBy(() -> report.campaigns(consultation.id(), fixtures.residentialGroup(10), ResultsFilter.EVERYONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
