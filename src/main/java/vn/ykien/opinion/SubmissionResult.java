package vn.ykien.opinion;

import vn.ykien.consultation.EligibilityDecision;

/** The outcome of submitting an opinion. */
public sealed interface SubmissionResult {

  /** Stored; {@code revision} 1 is the first opinion, higher numbers revise it. */
  record Accepted(Receipt receipt, int revision) implements SubmissionResult {}

  /**
   * The same request again (same idempotency key and content): nothing new was stored; this is
   * the first answer's receipt and revision.
   */
  record Replayed(Receipt receipt, int revision) implements SubmissionResult {}

  /** The person may not take part (or not now); nothing was stored. */
  record NotEligible(EligibilityDecision decision) implements SubmissionResult {}

  /** The opinion itself is not acceptable; nothing was stored. */
  record Rejected(String messageKey, String detail) implements SubmissionResult {}

  /**
   * The citizen submitted too often in the last minute, counted in the database (so across every
   * server); nothing was stored. Try again after {@code retryAfterSeconds}.
   */
  record TooFrequent(long retryAfterSeconds) implements SubmissionResult {}

  /** No such consultation. */
  record UnknownConsultation(long consultationId) implements SubmissionResult {}
}
