package vn.ykien.consultation;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import vn.ykien.shared.Localized;

/**
 * A consultation on a draft.
 *
 * @param scopeUnitId only residents of this unit's subtree may take part; null for everyone
 */
public record Consultation(
    long id,
    String slug,
    Localized title,
    Localized description,
    Window window,
    @Nullable Long scopeUnitId,
    int minimumAge) {

  /** Dates in consultations (age on the opening day) are Vietnamese calendar dates. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** The latest birth date of someone old enough: {@code minimumAge} on the opening day. */
  public java.time.LocalDate bornOnOrBefore() {
    return java.time.LocalDate.ofInstant(window.opens(), ZONE).minusYears(minimumAge);
  }
}
