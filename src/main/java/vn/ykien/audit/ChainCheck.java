package vn.ykien.audit;

/** The result of checking the audit trail's hash chain from its first entry to its last. */
public sealed interface ChainCheck {

  /** Every entry matches its hash and follows the one before it. */
  record Intact(long entries) implements ChainCheck {}

  /** The first entry that was changed, or that follows a removed or changed entry. */
  record Broken(long entryId, long entriesBefore) implements ChainCheck {}
}
