package vn.ykien.opinion;

import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ykien.opinion.internal.Content;
import vn.ykien.opinion.internal.OpinionStore;
import vn.ykien.opinion.internal.Pseudonyms;
import vn.ykien.shared.CitizenId;

/**
 * What a citizen's own pages show of their latest change while the mixer has not written it yet
 * (ADR 0004): their last submission from the copy sealed beside their participation, or their
 * withdrawal. Never for an official.
 */
@Component
class OwnContent {

  private final OpinionStore store;
  private final Pseudonyms pseudonyms;

  OwnContent(OpinionStore store, Pseudonyms pseudonyms) {
    this.store = store;
    this.pseudonyms = pseudonyms;
  }

  /** The citizen's latest change, as their own pages should show it. */
  sealed interface Latest {}

  /** Sent, not written by the mixer yet: shown from the citizen's own sealed copy. */
  record Pending(Content content) implements Latest {}

  /** Withdrawn, not written by the mixer yet. */
  record PendingWithdrawal(int revision, LocalDate day) implements Latest {}

  /** Everything the citizen did is written on content's side (or they did nothing). */
  record Mixed() implements Latest {}

  Latest latest(long consultationId, CitizenId citizen) {
    Optional<OpinionStore.LatestChange> found = store.latestChange(consultationId, citizen);
    if (found.isEmpty()) {
      return new Mixed();
    }
    OpinionStore.LatestChange change = found.get();
    if (change.revision() <= store.mixedRevision(consultationId, pseudonyms.of(consultationId, citizen))) {
      return new Mixed();
    }
    if (change.withdrawn()) {
      return new PendingWithdrawal(change.revision(), change.day());
    }
    Integer pending = change.pendingRevision();
    byte[] sealed = change.pendingContent();
    if (pending == null || pending != change.revision() || sealed == null) {
      return new Mixed();
    }
    try {
      return new Pending(Content.of(pseudonyms.openOwn(consultationId, citizen, pending, sealed)));
    } catch (GeneralSecurityException unreadable) {
      throw new IllegalStateException("the citizen's own copy cannot be opened with this pseudonym key", unreadable);
    }
  }
}
