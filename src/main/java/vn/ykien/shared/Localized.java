package vn.ykien.shared;

import java.util.Locale;

/** A text held in Vietnamese (first) and English. */
public record Localized(String vi, String en) {

  public String in(Locale locale) {
    return "en".equals(locale.getLanguage()) ? en : vi;
  }
}
