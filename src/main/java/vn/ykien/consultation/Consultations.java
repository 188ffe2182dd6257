package vn.ykien.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads consultations and their drafts. */
public interface Consultations {

  /** Consultations that are open now or will open, soonest closing first. */
  List<Consultation> openOrUpcoming(Instant now);

  Optional<Consultation> find(long id);

  Optional<Consultation> findBySlug(String slug);

  /** The consultation an official page names by its slug, or, when it names none, the first open now. */
  default Optional<Consultation> namedOrFirstOpen(@org.jspecify.annotations.Nullable String slug, Instant now) {
    if (slug == null || slug.isBlank()) {
      return openOrUpcoming(now).stream().filter(c -> c.window().isOpenAt(now)).findFirst();
    }
    return findBySlug(slug);
  }

  List<DraftItem> items(long consultationId);

  /** The ids of the draft's items in order: what checking an opinion needs, without the texts. */
  List<Long> itemIds(long consultationId);
}
