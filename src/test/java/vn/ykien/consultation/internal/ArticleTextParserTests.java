package vn.ykien.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ArticleTextParserTests {

  static final String CURRENT =
      """
      # comment
      Chương I.
      CHẾ ĐỘ CHÍNH TRỊ
      Điều 9.
      1. Mặt trận Tổ quốc Việt Nam là tổ chức liên minh chính trị.
      2. Công đoàn Việt Nam.

      Điều 10.
      Công đoàn Việt Nam là tổ chức chính trị - xã hội.
      Chương II.
      """;

  static final String PROPOSED =
      """
      Điều 1
      Sửa đổi, bổ sung một số điều của Hiến pháp như sau:
      1. Sửa đổi, bổ sung Điều 9 như sau:
      “Điều 9
      1. Mặt trận Tổ quốc Việt Nam là bộ phận của hệ thống chính trị[...]
      [...phần còn lại KHÔNG có trong trích đoạn...]
      B. NGHỊ QUYẾT
      Điều 9
      1. Bản thông qua.
      """;

  @Test
  void readsEachArticleWithItsClausesUntilTheNextHeading() throws Exception {
    var articles = ArticleTextParser.parse(new BufferedReader(new StringReader(CURRENT)), false);

    assertThat(articles).containsOnlyKeys(9, 10);
    assertThat(articles.get(9))
        .isEqualTo(
            "1. Mặt trận Tổ quốc Việt Nam là tổ chức liên minh chính trị.\n2. Công đoàn Việt Nam.");
    assertThat(articles.get(10)).isEqualTo("Công đoàn Việt Nam là tổ chức chính trị - xã hội.");
  }

  @Test
  void aProposedWordingTakesOnlyTheQuotedAmendedArticlesAndTheFirstOccurrence() throws Exception {
    var articles = ArticleTextParser.parse(new BufferedReader(new StringReader(PROPOSED)), true);

    assertThat(articles).containsOnlyKeys(9);
    assertThat(articles.get(9)).startsWith("1. Mặt trận Tổ quốc Việt Nam là bộ phận").endsWith("[...]");
  }
}
