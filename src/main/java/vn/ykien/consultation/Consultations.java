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

  List<DraftItem> items(long consultationId);

  /** The ids of the draft's items in order: what checking an opinion needs, without the texts. */
  List<Long> itemIds(long consultationId);
}
