package vn.ykien.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import vn.ykien.opinion.OwnOpinions;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.opinion.WithdrawOpinion;
import vn.ykien.shared.CitizenId;

/** Comments sent with opinions are read apart from the submission, and kept as the opinion changes. */
@IntegrationTest
class CommentClassificationTests {

  @Autowired OpinionSubmission submission;
  @Autowired OwnOpinions own;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  record Stored(String author, Long itemId, String stance, String unclear, String version, Long campaign) {}

  /** Sends an opinion: the given answers, and APPROVE without comment on every other item. */
  void send(Consultation consultation, CitizenId citizen, List<Answer> answers, String general) {
    List<Answer> all = new ArrayList<>(answers);
    for (DraftItem item : fixtures.items(consultation)) {
      if (answers.stream().noneMatch(answer -> answer.itemId() == item.id())) {
        all.add(new Answer(item.id(), Stance.APPROVE, null));
      }
    }
    var result =
        submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, all, general, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
  }

  List<Stored> comments(Consultation consultation) {
    return jdbc.sql(
            """
            select author, item_id, stance, unclear, version, campaign_id from classification.comment
            where consultation_id = ? order by id
            """)
        .param(consultation.id())
        .query((rs, row) -> new Stored(rs.getString(1), (Long) rs.getObject(2), rs.getString(3),
            rs.getString(4), rs.getString(5), (Long) rs.getObject(6)))
        .list();
  }

  /** Classification runs after the submission, on its own: read once it has applied what was sent. */
  static <T> T afterReaders(vn.ykien.Fixtures fixtures, Supplier<T> read) {
    fixtures.readersCaughtUp();
    return read.get();
  }

  Map<Long, String> itemsOf(Consultation consultation, Long itemId, String author) {
    Map<Long, String> items = new java.util.TreeMap<>();
    jdbc.sql(
            """
            select ci.item_id, ci.signal from classification.comment_item ci
            join classification.comment c on c.id = ci.comment_id
            where c.consultation_id = ? and c.author = ? and coalesce(c.item_id, 0) = ?
            """)
        .params(consultation.id(), author, itemId == null ? 0 : itemId)
        .query(rs -> {
          items.put(rs.getLong(1), rs.getString(2));
        });
    return items;
  }

  static DraftItem article(List<DraftItem> items, int number) {
    return items.stream().filter(item -> item.article() == number).findFirst().orElseThrow();
  }

  @Test
  void aCommentIsMappedToTheItemsItConcernsAndGivenAStanceWithTheClassifiersVersion() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<DraftItem> items = fixtures.items(consultation);
    DraftItem units = article(items, 110);
    DraftItem deputies = article(items, 115);
    CitizenId citizen = fixtures.aResident().register();

    send(consultation, citizen,
        List.of(new Answer(units.id(), Stance.PARTLY, "Đề nghị bổ sung, và xem lại cả khoản 2 Điều 115")),
        "khong dong y bo quyen chat van chanh an cua dai bieu hoi dong nhan dan");

    List<Stored> stored = afterReaders(fixtures, () -> comments(consultation));
    assertThat(stored).hasSize(2);
    assertThat(stored).allSatisfy(comment -> assertThat(comment.version()).matches("mapping-1-[0-9a-f]{10}\\+stance-.*"));
    String author = stored.getFirst().author();
    assertThat(itemsOf(consultation, units.id(), author))
        .containsEntry(units.id(), "CURRENT_ITEM")
        .containsEntry(deputies.id(), "CITATION");
    assertThat(itemsOf(consultation, null, author)).containsOnlyKeys(deputies.id());
    assertThat(stored).extracting(Stored::stance).containsExactlyInAnyOrder("SUGGEST", "OPPOSE");
  }

  @Test
  void aRevisionReplacesTheCommentsAndAWithdrawalRemovesThem() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<DraftItem> items = fixtures.items(consultation);
    CitizenId citizen = fixtures.aResident().register();
    send(consultation, citizen, List.of(new Answer(items.getFirst().id(), Stance.APPROVE, "Tôi tán thành")), "Cảm ơn");
    afterReaders(fixtures, () -> comments(consultation));

    send(consultation, citizen, List.of(new Answer(items.getFirst().id(), Stance.DISAPPROVE, "Tôi không tán thành")), null);

    List<Stored> revised = afterReaders(fixtures, () -> comments(consultation));
    assertThat(revised).singleElement().extracting(Stored::stance).isEqualTo("OPPOSE");

    own.withdraw(new WithdrawOpinion(consultation.id(), citizen, 2));

    assertThat(afterReaders(fixtures, () -> comments(consultation))).isEmpty();
  }

  @Test
  void copiesOfOneCommentFormOneCampaignCountingEachCitizenOnce() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    String copied = "Chúng tôi đề nghị giữ nguyên tên huyện Giao Thuỷ vì tên gọi gắn với lịch sử hàng trăm năm";
    List<CitizenId> citizens = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      CitizenId citizen = fixtures.aResident().register();
      citizens.add(citizen);
      String variant = i % 2 == 0 ? copied : "chung toi de nghi giu nguyen ten huyen giao thuy, vi ten goi gan voi lich su hang tram nam!!";
      send(consultation, citizen, List.of(), variant);
    }
    CitizenId other = fixtures.aResident().register();
    send(consultation, other, List.of(), "Tôi đồng ý bỏ cấp huyện để bộ máy gọn nhẹ");
    // The same person sending again is still one person in the campaign.
    send(consultation, citizens.getFirst(), List.of(), copied);

    // Every arrival, the resend included, is applied once the readers have caught up.
    afterReaders(fixtures, () -> jdbc.sql(
                """
                select coalesce(sum(a.comments), 0)::int from classification.campaign_arrival a
                join classification.campaign c on c.id = a.campaign_id where c.consultation_id = ?
                """)
            .param(consultation.id()).query(Integer.class).single());
    List<Stored> stored = afterReaders(fixtures, () -> comments(consultation));
    assertThat(stored).hasSize(7);
    // The copies' campaign is the one most comments belong to (ids carry no arrival order).
    Long campaign = stored.stream()
        .filter(s -> s.campaign() != null)
        .collect(java.util.stream.Collectors.groupingBy(Stored::campaign, java.util.stream.Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    long members = stored.stream().filter(s -> campaign.equals(s.campaign())).map(Stored::author).distinct().count();
    assertThat(members).isEqualTo(6);
    assertThat(stored.stream().map(Stored::campaign).distinct().count()).isEqualTo(2);
    Integer arrivals = jdbc.sql("select sum(comments)::int from classification.campaign_arrival where campaign_id = ?")
        .param(campaign).query(Integer.class).single();
    assertThat(arrivals).isEqualTo(7);
  }

  @Test
  void commentsWithNothingToReadOrInAnotherScriptAreUnclearNeverAnError() throws Exception {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<DraftItem> items = fixtures.items(consultation);
    String veryLong = "Đề nghị bổ sung quy định về quyền chất vấn của đại biểu. ".repeat(90).substring(0, 5000);
    String decomposed = java.text.Normalizer.normalize("Tôi không đồng ý bỏ cấp huyện", java.text.Normalizer.Form.NFD);
    send(consultation, fixtures.aResident().register(), List.of(new Answer(items.get(0).id(), Stance.APPROVE, "👍👍👍")), "?!...");
    send(consultation, fixtures.aResident().register(), List.of(new Answer(items.get(1).id(), Stance.APPROVE, "我同意这个草案")), veryLong);
    send(consultation, fixtures.aResident().register(), List.of(), decomposed);
    send(consultation, fixtures.aResident().register(), List.of(), "I do not agree with this draft");
    send(consultation, fixtures.aResident().register(), List.of(), "100% ❤️");

    List<Stored> stored = afterReaders(fixtures, () -> comments(consultation));
    assertThat(stored).extracting(Stored::unclear)
        .containsExactlyInAnyOrder(
            "NOTHING_TO_READ", "NOTHING_TO_READ", "NOTHING_TO_READ", "OTHER_SCRIPT", "OTHER_LANGUAGE", null, null);
    assertThat(stored).filteredOn(s -> s.unclear() != null).extracting(Stored::stance).containsOnly("UNCLEAR");
    assertThat(stored).filteredOn(s -> s.unclear() == null).extracting(Stored::stance).doesNotContain("UNCLEAR");
  }
}
