package vn.ykien.classification.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseTextTests {

  @Test
  void theOldAndTheNewTonePlacementReadTheSame() {
    assertThat(VietnameseText.normalise("hòa bình, Giao Thủy, khỏe")).isEqualTo("hoà bình, Giao Thuỷ, khoẻ");
    assertThat(VietnameseText.normalise("hoà bình, Giao Thuỷ, khoẻ")).isEqualTo("hoà bình, Giao Thuỷ, khoẻ");
    // Closed syllables and qu-/gi- syllables are written one way only.
    assertThat(VietnameseText.normalise("Hoàng quý giá thuyền")).isEqualTo("Hoàng quý giá thuyền");
  }

  @Test
  void decomposedTextBecomesComposed() {
    String nfd = Normalizer.normalize("Điều 9 quy định", Normalizer.Form.NFD);

    assertThat(VietnameseText.normalise(nfd)).isEqualTo("Điều 9 quy định");
  }

  @Test
  void markupEmojiAndStraySpacesGo() {
    assertThat(VietnameseText.normalise("  <b>Tán   thành</b>&nbsp;👍👍\n\tđiều 9 🇻🇳 "))
        .isEqualTo("Tán thành điều 9");
  }

  @Test
  void textTypedWithoutDiacriticsMatchesItsAccentedForm() {
    assertThat(VietnameseText.fold("Không tán thành Điều 9")).isEqualTo(VietnameseText.fold("khong tan thanh dieu 9"));
    assertThat(VietnameseText.fold("ĐẠI BIỂU Hội đồng nhân dân")).isEqualTo("dai bieu hoi dong nhan dan");
  }

  @Test
  void textWithNothingToReadBecomesEmpty() {
    assertThat(VietnameseText.normalise("👍🔥✨")).isEmpty();
    assertThat(VietnameseText.fold("  \u0000 ")).isEmpty();
  }
}
