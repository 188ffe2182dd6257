package vn.ykien.opinion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A citizen's own history in one consultation, for them alone: every revision they sent (dated to
 * the day, as stored), any withdrawal, and every receipt they were given with its standing.
 */
public record OpinionHistory(List<Entry> entries, List<IssuedReceipt> receipts) {

  /** One step of the history, in the order the citizen took them. */
  public sealed interface Entry {
    int revision();

    LocalDate on();
  }

  /** An opinion sent: an answer per item and the general comment, if any. */
  public record Revision(int revision, LocalDate on, List<Answer> answers, @Nullable String generalComment)
      implements Entry {}

  /** The opinion withdrawn: from here on nothing of it counted, until a later revision. */
  public record Withdrawal(int revision, LocalDate on) implements Entry {}

  /** A receipt given, with its signed token, and when it was revoked if it was. */
  public record IssuedReceipt(Receipt receipt, @Nullable Instant revokedAt) {

    public boolean standing() {
      return revokedAt == null;
    }
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether the citizen's latest step is an opinion that counts (not withdrawn). */
  public boolean standing() {
    return !entries.isEmpty() && entries.getLast() instanceof Revision;
  }
}
