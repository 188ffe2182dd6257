package vn.ykien.units;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.ykien.shared.Localized;

/** One administrative unit of an edition. */
public record Unit(
    long id,
    String edition,
    String code,
    @Nullable Long parentId,
    UnitKind kind,
    Localized category,
    Localized name,
    int depth,
    String path) {

  /** Full name as people say it, e.g. "Xã Giao Thuỷ" or "Giao Thuy Commune". */
  public String fullName(Locale locale) {
    if ("en".equals(locale.getLanguage())) {
      if (kind == UnitKind.NATION) {
        return name.en();
      }
      // "Giao Thuy Commune", but "Residential group 1"
      return Character.isDigit(name.en().charAt(0))
          ? category.en() + " " + name.en()
          : name.en() + " " + category.en();
    }
    return kind == UnitKind.NATION ? name.vi() : category.vi() + " " + name.vi();
  }

  public boolean contains(Unit other) {
    return other.path.startsWith(path);
  }
}
