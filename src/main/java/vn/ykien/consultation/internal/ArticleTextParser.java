package vn.ykien.consultation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the articles of a legal text laid out as "Điều N." headings followed by their clauses.
 * A proposed wording quotes the amended article (“Điều 9 …”); with {@code quotedOnly} only such
 * quoted articles are taken, so the amending resolution's own articles are skipped. The first
 * occurrence of an article wins; comment lines (#), separators and chapter headings end an article.
 */
public final class ArticleTextParser {

  private static final Pattern HEADER = Pattern.compile("^\\s*([“\"]?)Điều\\s+(\\d+)\\s*\\.?\\s*$");

  private ArticleTextParser() {}

  public static Map<Integer, String> parse(BufferedReader reader, boolean quotedOnly)
      throws IOException {
    Map<Integer, String> articles = new LinkedHashMap<>();
    Integer current = null;
    StringBuilder text = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null) {
      String stripped = line.strip();
      Matcher header = HEADER.matcher(stripped);
      if (header.matches()) {
        store(articles, current, text);
        boolean quoted = !header.group(1).isEmpty();
        current = quotedOnly && !quoted ? null : Integer.valueOf(header.group(2));
        continue;
      }
      if (endsArticle(stripped)) {
        store(articles, current, text);
        current = null;
        continue;
      }
      if (current != null && !stripped.isEmpty()) {
        if (!text.isEmpty()) {
          text.append('\n');
        }
        text.append(stripped);
      }
    }
    store(articles, current, text);
    return articles;
  }

  private static boolean endsArticle(String line) {
    return line.startsWith("#")
        || line.startsWith("====")
        || line.startsWith("Chương ")
        || line.startsWith("[...phần còn lại")
        || line.matches("^\\d+\\.\\s+Sửa đổi, bổ sung .*");
  }

  private static void store(Map<Integer, String> articles, Integer article, StringBuilder text) {
    if (article != null && !text.isEmpty()) {
      String body = text.toString().replaceAll("[”\"]\\s*$", "").strip();
      articles.putIfAbsent(article, body);
    }
    text.setLength(0);
  }
}
