package vn.ykien.classification.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comment as Vietnamese syllables (the unit of Vietnamese writing: words are one or more
 * syllables separated by spaces), in lower case, twice: with their diacritics and folded without
 * them, position for position. Numbers are kept as tokens ("điều 9" is two syllables).
 */
public record Syllables(List<String> accented, List<String> folded) {

  /** Letters without their diacritics, up to Latin Extended Additional (Vietnamese), computed once. */
  private static final char[] FOLD = new char[0x1F00];

  static {
    for (char c = 0; c < FOLD.length; c++) {
      String base =
          Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      FOLD[c] = base.length() == 1 ? base.charAt(0) : c;
    }
    FOLD['đ'] = 'd';
    FOLD['Đ'] = 'D';
  }

  public Syllables {
    accented = List.copyOf(accented);
    folded = List.copyOf(folded);
  }

  /** The syllables of any text: normalised first (NFC, one tone placement, no markup or emoji). */
  public static Syllables of(String text) {
    return ofNormalised(VietnameseText.normalise(text));
  }

  /** The syllables of text that is already {@linkplain VietnameseText#normalise normalised}. */
  public static Syllables ofNormalised(String normalised) {
    String lower = normalised.toLowerCase(Locale.ROOT);
    List<String> accented = new ArrayList<>();
    List<String> folded = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      boolean part = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
      if (part) {
        if (start < 0) {
          start = i;
          plain.setLength(0);
        }
        char base = fold(c);
        if (Character.getType(base) != Character.NON_SPACING_MARK) {
          plain.append(base);
        }
      } else if (start >= 0) {
        accented.add(lower.substring(start, i));
        folded.add(plain.toString());
        start = -1;
      }
    }
    return new Syllables(accented, folded);
  }

  public boolean isEmpty() {
    return accented.isEmpty();
  }

  public int size() {
    return accented.size();
  }

  /**
   * A Vietnamese syllable without its diacritics: an optional initial consonant, a vowel nucleus,
   * an optional final among c, ch, m, n, ng, nh, p, t. English words mostly are not ("with",
   * "this", "draft", "agree").
   */
  private static final java.util.regex.Pattern VIETNAMESE_SYLLABLE =
      java.util.regex.Pattern.compile(
          "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?");

  /** Whether the text reads as Vietnamese: Latin letters, and most words Vietnamese syllables. */
  public boolean looksVietnamese() {
    if (!latinScript()) {
      return false;
    }
    int words = 0;
    int vietnamese = 0;
    for (String syllable : folded) {
      if (syllable.chars().allMatch(Character::isDigit)) {
        continue;
      }
      words++;
      if (VIETNAMESE_SYLLABLE.matcher(syllable).matches()) {
        vietnamese++;
      }
    }
    return words > 0 && 2 * vietnamese > words;
  }

  /** Whether most letters are from the Latin script with Vietnamese letters; false for other scripts. */
  public boolean latinScript() {
    int latin = 0;
    int other = 0;
    for (String syllable : accented) {
      for (int i = 0; i < syllable.length(); i++) {
        char c = syllable.charAt(i);
        if (!Character.isLetter(c)) {
          continue;
        }
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          latin++;
        } else {
          other++;
        }
      }
    }
    return latin > 0 && latin >= 2 * other;
  }

  private static char fold(char c) {
    return c < FOLD.length ? FOLD[c] : c;
  }
}
