package vn.ykien.classification.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NearDuplicatesTests {

  private static final String CAMPAIGN =
      "Chúng tôi đề nghị giữ nguyên tên huyện Giao Thuỷ vì đây là tên gọi gắn với lịch sử hàng trăm năm của quê hương";

  private static int[] signature(String text) {
    return NearDuplicates.signature(Syllables.of(text));
  }

  @Test
  void theSameCommentTypedDifferentlyHasTheSameSignature() {
    String retyped = "chung toi de nghi giu nguyen ten huyen giao thuy, vi day la ten goi gan voi lich su"
        + " hang tram nam cua que huong!!! 🙏";

    assertThat(signature(retyped)).isEqualTo(signature(CAMPAIGN));
  }

  @Test
  void aLightlyEditedCopyIsTheSameCampaign() {
    String edited = CAMPAIGN.replace("hàng trăm năm", "hàng trăm năm nay");

    double similarity = NearDuplicates.similarity(signature(CAMPAIGN), signature(edited));

    assertThat(similarity).isGreaterThanOrEqualTo(NearDuplicates.SAME_CAMPAIGN);
    assertThat(sharesABand(signature(CAMPAIGN), signature(edited))).isTrue();
  }

  @Test
  void differentCommentsOnTheSameSubjectAreNot() {
    String other = "Tôi đồng ý sáp nhập huyện Giao Thuỷ nhưng đề nghị đặt trụ sở ở trung tâm cho người dân đi lại";

    assertThat(NearDuplicates.similarity(signature(CAMPAIGN), signature(other)))
        .isLessThan(NearDuplicates.SAME_CAMPAIGN);
    assertThat(sharesABand(signature(CAMPAIGN), signature(other))).isFalse();
  }

  @Test
  void veryShortCommentsStillHaveASignatureAndNothingToReadHasNone() {
    assertThat(signature("đồng ý")).isEqualTo(signature("Đồng ý!"));
    assertThat(signature("đồng ý")).isNotEqualTo(signature("không đồng ý"));
    assertThat(NearDuplicates.signature(Syllables.of("👍👍"))).isNull();
  }

  private static boolean sharesABand(int[] a, int[] b) {
    long[] first = NearDuplicates.bands(a);
    long[] second = NearDuplicates.bands(b);
    for (int band = 0; band < NearDuplicates.BANDS; band++) {
      if (first[band] == second[band]) {
        return true;
      }
    }
    return false;
  }
}
