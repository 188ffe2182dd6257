package vn.ykien.classification.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the articles a comment cites, in the spellings people use: "Điều 9", "điều 115 khoản 2",
 * "khoản 2 Điều 110", "Đ.84", "điều 115 k2", "dieu 9" (typed without diacritics).
 */
public final class Citations {

  private static final String ARTICLE = "(?:dieu|d\\.|d(?=\\d))\\s*(\\d{1,3})";
  private static final String CLAUSE = "(?:khoan|k\\.?)\\s*(\\d{1,2})";

  /** "khoản 2 (của) Điều 110" */
  private static final Pattern CLAUSE_OF_ARTICLE =
      Pattern.compile("\\b" + CLAUSE + "\\s*(?:cua\\s+|,\\s*)?" + ARTICLE + "\\b");

  /** "Điều 115 (,) (khoản|k) 2", or an article alone */
  private static final Pattern ARTICLE_THEN_CLAUSE =
      Pattern.compile("\\b" + ARTICLE + "(?:\\s*,?\\s*" + CLAUSE + ")?\\b");

  private Citations() {}

  /** The citations in the order they first appear, each once. */
  public static List<Citation> in(String comment) {
    return inNormalised(VietnameseText.normalise(comment));
  }

  /** {@link #in} of a comment already {@linkplain VietnameseText#normalise normalised}. */
  public static List<Citation> inNormalised(String normalised) {
    String text = VietnameseText.foldNormalised(normalised);
    var found = new LinkedHashSet<Citation>();
    List<int[]> used = new ArrayList<>();
    Matcher clauseFirst = CLAUSE_OF_ARTICLE.matcher(text);
    while (clauseFirst.find()) {
      found.add(new Citation(Integer.parseInt(clauseFirst.group(2)), Integer.parseInt(clauseFirst.group(1))));
      used.add(new int[] {clauseFirst.start(), clauseFirst.end()});
    }
    Matcher articleFirst = ARTICLE_THEN_CLAUSE.matcher(text);
    while (articleFirst.find()) {
      int start = articleFirst.start();
      if (used.stream().anyMatch(span -> start >= span[0] && start < span[1])) {
        continue;
      }
      Integer clause = articleFirst.group(2) == null ? null : Integer.parseInt(articleFirst.group(2));
      found.add(new Citation(Integer.parseInt(articleFirst.group(1)), clause));
    }
    return List.copyOf(found);
  }
}
