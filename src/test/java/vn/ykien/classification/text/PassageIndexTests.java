package vn.ykien.classification.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ykien.classification.text.PassageIndex.Hit;
import vn.ykien.classification.text.PassageIndex.Method;
import vn.ykien.classification.text.PassageIndex.Passage;

class PassageIndexTests {

  private static final List<Passage> ARTICLES =
      List.of(
          new Passage("9", "hien-phap", "Mặt trận Tổ quốc Việt Nam",
              "Mặt trận Tổ quốc Việt Nam là tổ chức liên minh chính trị, liên hiệp tự nguyện của"
                  + " tổ chức chính trị, các tổ chức chính trị - xã hội.", List.of()),
          new Passage("110", "hien-phap", "Đơn vị hành chính",
              "Các đơn vị hành chính của nước Cộng hoà xã hội chủ nghĩa Việt Nam gồm tỉnh, thành"
                  + " phố trực thuộc trung ương và đơn vị hành chính dưới tỉnh.", List.of("sáp nhập")),
          new Passage("115", "hien-phap", "Đại biểu Hội đồng nhân dân",
              "Đại biểu Hội đồng nhân dân có quyền chất vấn Chủ tịch Uỷ ban nhân dân, Chánh án"
                  + " Toà án nhân dân, Viện trưởng Viện kiểm sát nhân dân.", List.of()),
          new Passage("1", "luat-khac", "Đơn vị hành chính kinh tế đặc biệt",
              "Đơn vị hành chính - kinh tế đặc biệt do Quốc hội thành lập.", List.of()));

  private final PassageIndex index = PassageIndex.build(ARTICLES, Method.FIELDS);

  @Test
  void aCommentFindsTheArticleItSpeaksOf() {
    List<Hit> hits = index.search("Nên giữ quyền chất vấn Chánh án của đại biểu Hội đồng nhân dân", null, 3);

    assertThat(hits).isNotEmpty();
    assertThat(hits.getFirst().key()).isEqualTo("115");
  }

  @Test
  void aCommentTypedWithoutDiacriticsFindsTheSameArticle() {
    List<Hit> hits = index.search("nen giu quyen chat van chanh an cua dai bieu hoi dong nhan dan", null, 3);

    assertThat(hits.getFirst().key()).isEqualTo("115");
  }

  @Test
  void anAnalystsKeywordLeadsToItsArticle() {
    assertThat(index.search("Tôi lo ngại việc sáp nhập", null, 1).getFirst().key()).isEqualTo("110");
  }

  @Test
  void aSearchWithinAGroupStaysInIt() {
    assertThat(index.search("đơn vị hành chính kinh tế đặc biệt", "hien-phap", 4))
        .extracting(Hit::key)
        .doesNotContain("1")
        .startsWith("110");
  }

  @Test
  void aCommentOnSomethingElseCoversLittleOfItself() {
    double onTopic = index.search("quyền chất vấn của đại biểu Hội đồng nhân dân", null, 1).getFirst().coverage();
    List<Hit> offTopic = index.search("giá xăng hôm nay tăng cao quá, chợ đông người", null, 1);

    assertThat(onTopic).isGreaterThan(0.5);
    assertThat(offTopic.isEmpty() || offTopic.getFirst().coverage() < 0.2).isTrue();
  }

  @Test
  void emptyAndVeryLongCommentsAreAnswered() {
    assertThat(index.search("👍 !!!", null, 3)).isEmpty();
    String longComment = "đại biểu hội đồng nhân dân chất vấn chánh án ".repeat(120) + "từ mới ".repeat(500);

    assertThat(index.search(longComment, null, 3).getFirst().key()).isEqualTo("115");
  }

  @Test
  void aLongCommentOfWordsEveryFieldKnowsStaysWithinLucenesClauseLimit() {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 1200; i++) {
      words.append("từ").append(i).append(' ');
    }
    String all = words.toString();
    PassageIndex large =
        PassageIndex.build(List.of(new Passage("x", "g", all, all, List.of(all)), new Passage("y", "g", "khác", "khác", List.of())), Method.FIELDS);

    assertThat(large.search(all, null, 2)).extracting(Hit::key).containsExactly("x");
  }

  @Test
  void thePlainBaselineUsesTheAccentedTextOnly() {
    PassageIndex plain = PassageIndex.build(ARTICLES, Method.PLAIN);

    assertThat(plain.search("quyền chất vấn", null, 1).getFirst().key()).isEqualTo("115");
    assertThat(plain.search("quyen chat van", null, 1)).isEmpty();
  }
}
