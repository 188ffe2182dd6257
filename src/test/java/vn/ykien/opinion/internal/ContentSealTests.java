package vn.ykien.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.ykien.consultation.CitizenGroup;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.Stance;
import vn.ykien.registry.Sex;

/** An envelope waiting for the mixer, as someone with a copy of the database finds it. */
class ContentSealTests {

  static final String MIXER = "MC4CAQAwBQYDK2VuBCIEIFiz0nmPgTiH1JkMn63DXPlAioGxFPrc2TCYlrcm3Rdo";
  static final String OTHER = "MC4CAQAwBQYDK2VuBCIEICh6uer/KY/yAoZKgVeYOzv6Ipp2OCd9wnRtNv2NBtJh";

  final Content content =
      new Content(
          7, new byte[32], 3, false, 14167,
          Channel.SELF,
          new CitizenGroup(CitizenGroup.AgeBand.OVER_60, Sex.F, null, Set.of()),
          LocalDate.of(2025, 5, 10), LocalDate.of(2025, 5, 12),
          List.of(new Answer(1, Stance.DISAPPROVE, "Đề nghị giữ tên làng Giao Thuỷ")),
          "Cảm ơn");

  @Test
  void saysNothingOfWhatWasSentAndOpensOnlyWithTheMixersKey() throws Exception {
    byte[] envelope = new ContentSeal(MIXER, "").seal(content.bytes());

    assertThat(new String(envelope, StandardCharsets.ISO_8859_1))
        .doesNotContain(new String("Giao Thuỷ".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    assertThat(Content.of(new ContentSeal(MIXER, "").open(envelope))).isEqualTo(content);
    assertThatThrownBy(() -> new ContentSeal(OTHER, "").open(envelope)).isInstanceOf(GeneralSecurityException.class);
    // The same content sealed twice gives unrelated envelopes.
    assertThat(new ContentSeal(MIXER, "").seal(content.bytes())).isNotEqualTo(envelope);
  }

  @Test
  void aServerWithTheMixersPublicKeyAloneSealsButCannotOpen() throws Exception {
    String publicKey = new ContentSeal(MIXER, "").publicKeyBase64();
    ContentSeal submissionsOnly = new ContentSeal("", publicKey);

    byte[] envelope = submissionsOnly.seal(content.bytes());

    assertThat(submissionsOnly.canOpen()).isFalse();
    assertThatThrownBy(() -> submissionsOnly.open(envelope)).isInstanceOf(IllegalStateException.class);
    assertThat(Content.of(new ContentSeal(MIXER, publicKey).open(envelope))).isEqualTo(content);
    assertThatThrownBy(() -> new ContentSeal(OTHER, publicKey)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aChangedEnvelopeIsRefused() {
    byte[] envelope = new ContentSeal(MIXER, "").seal(content.bytes());
    envelope[envelope.length - 20] ^= 1;

    assertThatThrownBy(() -> new ContentSeal(MIXER, "").open(envelope)).isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void aWithdrawalTravelsAsItself() {
    Content withdrawal = Content.withdrawal(7, new byte[32], 4, LocalDate.of(2025, 5, 13));

    assertThat(Content.of(withdrawal.bytes())).isEqualTo(withdrawal);
  }
}
