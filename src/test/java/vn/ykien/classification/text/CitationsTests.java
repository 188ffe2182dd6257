package vn.ykien.classification.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationsTests {

  @Test
  void findsArticlesInEveryUsualSpelling() {
    assertThat(Citations.in("Tôi không tán thành Điều 9")).containsExactly(new Citation(9, null));
    assertThat(Citations.in("dieu 9 nen giu nguyen")).containsExactly(new Citation(9, null));
    assertThat(Citations.in("Đ.84 cần làm rõ")).containsExactly(new Citation(84, null));
    assertThat(Citations.in("điều 115 k2 bỏ quyền chất vấn")).containsExactly(new Citation(115, 2));
    assertThat(Citations.in("Điều 115, khoản 2")).containsExactly(new Citation(115, 2));
  }

  @Test
  void aClauseNamedBeforeItsArticleBelongsToThatArticle() {
    assertThat(Citations.in("khoản 2 Điều 110 và khoản 1 của Điều 111"))
        .containsExactly(new Citation(110, 2), new Citation(111, 1));
  }

  @Test
  void eachCitationOnceInTheOrderItFirstAppears() {
    assertThat(Citations.in("Điều 84, rồi Điều 9, rồi lại Điều 84"))
        .containsExactly(new Citation(84, null), new Citation(9, null));
  }

  @Test
  void textWithoutCitationsHasNone() {
    assertThat(Citations.in("Đề nghị giữ nguyên tên tỉnh")).isEmpty();
    assertThat(Citations.in("")).isEmpty();
    assertThat(Citations.in("d9 dieu")).containsExactly(new Citation(9, null));
  }
}
