package vn.ykien.opinion;

import vn.ykien.consultation.EligibilityDecision;

/** The outcome of withdrawing an opinion. */
public sealed interface WithdrawalResult {

  /**
   * Withdrawn: the answers no longer count, the person no longer counts as a participant, and
   * every receipt they were given now reads "revoked".
   *
   * @param revision the step of the history this withdrawal takes
   */
  record Withdrawn(int revision, int revokedReceipts) implements WithdrawalResult {}

  /** The citizen has no standing opinion in this consultation; nothing changed. */
  record NothingToWithdraw() implements WithdrawalResult {}

  /** Not now (closed, not open yet) or not with this sign-in (level too low); nothing changed. */
  record NotAllowed(EligibilityDecision decision) implements WithdrawalResult {}

  /** No such consultation. */
  record UnknownConsultation(long consultationId) implements WithdrawalResult {}
}
