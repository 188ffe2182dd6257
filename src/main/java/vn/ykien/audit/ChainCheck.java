package vn.ykien.audit;

import java.time.LocalDate;

/**
 * The result of checking the audit trail: its hash chain from the first entry to the last, and the
 * chain against every signed head published so far (and any copies an auditor brings).
 */
public sealed interface ChainCheck {

  /** Every entry matches its hash, follows the one before it, and agrees with every head. */
  record Intact(long entries, int headsChecked) implements ChainCheck {}

  /** The first entry that was changed, or that follows a removed or changed entry. */
  record Broken(long entryId, long entriesBefore) implements ChainCheck {}

  /**
   * The chain is consistent in itself but not with what was published for {@code day}: it was
   * rewritten (and its hashes recomputed) or cut short since.
   */
  record HeadMismatch(LocalDate day, long entryId) implements ChainCheck {}

  /** A head that does not carry the platform's signature: not one the platform published. */
  record HeadNotSigned(LocalDate day) implements ChainCheck {}
}
