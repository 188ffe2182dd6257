package vn.ykien.classification.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text made comparable: one Unicode form (NFC), one tone-mark placement, no markup or
 * emoji, single spaces; and a folded form without diacritics, for text typed without them
 * ("khong tan thanh dieu 9").
 */
public final class VietnameseText {

  /** The five tone marks, as combining characters (NFD). The vowel marks (ˆ ˘ ʼ) are not tones. */
  private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

  private static final Pattern TAGS = Pattern.compile("<[^>]{0,200}>");
  private static final Pattern ENTITIES = Pattern.compile("&(?:nbsp|amp|lt|gt|quot|#39);");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern LETTERS = Pattern.compile("[\\p{L}\\p{M}]+");

  private VietnameseText() {}

  /**
   * NFC, tone marks placed the new way (hoà, thuỷ, khoẻ: on the second vowel of an open oa, oe,
   * uy), HTML tags and entities dropped, emoji and other symbols dropped, whitespace collapsed.
   * Case is kept.
   */
  public static String normalise(String text) {
    String plain = ENTITIES.matcher(TAGS.matcher(text).replaceAll(" ")).replaceAll(" ");
    StringBuilder kept = new StringBuilder(plain.length());
    plain.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              boolean symbol =
                  type == Character.OTHER_SYMBOL
                      || type == Character.SURROGATE
                      || type == Character.PRIVATE_USE
                      || type == Character.UNASSIGNED
                      || type == Character.CONTROL && !Character.isWhitespace(c)
                      || type == Character.FORMAT;
              kept.appendCodePoint(symbol ? ' ' : c);
            });
    String decomposed = Normalizer.normalize(kept, Normalizer.Form.NFD);
    StringBuilder placed = new StringBuilder(decomposed.length());
    var words = LETTERS.matcher(decomposed);
    int last = 0;
    while (words.find()) {
      placed.append(decomposed, last, words.start()).append(newTonePlacement(words.group()));
      last = words.end();
    }
    placed.append(decomposed, last, decomposed.length());
    return SPACES.matcher(Normalizer.normalize(placed, Normalizer.Form.NFC)).replaceAll(" ").strip();
  }

  /** Lower case, without any diacritic (đ becomes d): how people type without a Vietnamese keyboard. */
  public static String fold(String text) {
    return foldNormalised(normalise(text));
  }

  /** {@link #fold} of text already {@linkplain #normalise normalised}. */
  public static String foldNormalised(String normalised) {
    String decomposed = Normalizer.normalize(normalised, Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    decomposed.codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .map(c -> c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c)
        .forEach(folded::appendCodePoint);
    return folded.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * One syllable (NFD): in an open syllable ending in oa, oe or uy, the tone goes on the last
   * vowel (hoà, not hòa). Other syllables are the same in both placements.
   */
  private static String newTonePlacement(String syllable) {
    int tone = -1;
    for (int i = 0; i < syllable.length(); i++) {
      if (TONES.indexOf(syllable.charAt(i)) >= 0) {
        tone = i;
        break;
      }
    }
    if (tone < 0) {
      return syllable;
    }
    char mark = syllable.charAt(tone);
    String bare = syllable.substring(0, tone) + syllable.substring(tone + 1);
    String lower = bare.toLowerCase(Locale.ROOT);
    boolean openCluster = lower.endsWith("oa") || lower.endsWith("oe") || lower.endsWith("uy");
    // "qua", "quy": u belongs to the consonant qu; "gia": i to gi; the tone is on the last vowel anyway.
    if (!openCluster || bare.length() < 2) {
      return syllable;
    }
    return bare + mark;
  }
}
