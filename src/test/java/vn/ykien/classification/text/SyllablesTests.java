package vn.ykien.classification.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class SyllablesTests {

  @Test
  void aCommentIsItsSyllablesInLowerCaseWithAndWithoutDiacritics() {
    Syllables syllables = Syllables.of("Không tán thành <b>Điều 9</b>!");

    assertThat(syllables.accented()).containsExactly("không", "tán", "thành", "điều", "9");
    assertThat(syllables.folded()).containsExactly("khong", "tan", "thanh", "dieu", "9");
  }

  @Test
  void decomposedTextAndTheOldTonePlacementGiveTheSameSyllables() {
    String decomposed = Normalizer.normalize("Hòa bình, thủy lợi", Normalizer.Form.NFD);

    assertThat(Syllables.of(decomposed)).isEqualTo(Syllables.of("Hoà bình, thuỷ lợi"));
  }

  @Test
  void emojiPunctuationAndMarkupAloneGiveNoSyllables() {
    assertThat(Syllables.of("👍👍🙏").isEmpty()).isTrue();
    assertThat(Syllables.of("?!... ---").isEmpty()).isTrue();
    assertThat(Syllables.of("<p>&nbsp;</p>").isEmpty()).isTrue();
    assertThat(Syllables.of("").isEmpty()).isTrue();
  }

  @Test
  void vietnameseIsToldFromOtherScripts() {
    assertThat(Syllables.of("Tôi đồng ý với dự thảo").looksVietnamese()).isTrue();
    assertThat(Syllables.of("khong dong y").looksVietnamese()).isTrue();
    assertThat(Syllables.of("我同意这个草案").looksVietnamese()).isFalse();
    assertThat(Syllables.of("Я согласен с проектом").looksVietnamese()).isFalse();
    assertThat(Syllables.of("2025").looksVietnamese()).isFalse();
  }

  @Test
  void vietnameseTypedWithoutDiacriticsIsToldFromEnglishInTheSameLetters() {
    assertThat(Syllables.of("khong dong y sua dieu 9, nghieng ve giu nguyen").looksVietnamese()).isTrue();
    assertThat(Syllables.of("I do not agree with this draft of the constitution").looksVietnamese()).isFalse();
    assertThat(Syllables.of("Je ne suis pas d'accord").looksVietnamese()).isFalse();
    assertThat(Syllables.of("I do not agree").latinScript()).isTrue();
  }
}
