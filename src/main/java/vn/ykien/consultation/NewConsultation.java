package vn.ykien.consultation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.shared.Localized;

/** A consultation to create, with its items in order. */
public record NewConsultation(
    String slug,
    Localized title,
    Localized description,
    Window window,
    @Nullable Long scopeUnitId,
    int minimumAge,
    List<NewItem> items) {

  /** An item of the draft; {@code article} links it to the article numbers in wording files. */
  public record NewItem(
      String code,
      @Nullable Integer article,
      Localized label,
      Localized title,
      Localized summary) {}
}
