package vn.ykien.identity;

import org.jspecify.annotations.Nullable;

/** What came of an official changing another official's account (each change is audited). */
public sealed interface AccountChange {

  /**
   * Done.
   *
   * @param enrolmentCode after a reset: the one-time code (shown once) with which the holder sets
   *     what was reset; null otherwise
   */
  record Done(String username, @Nullable String enrolmentCode) implements AccountChange {}

  /** Nothing was changed; the reason is one of the refusals below. */
  sealed interface Refused extends AccountChange {
    /** {@code officials.accounts.} and the refusal's name, e.g. {@code officials.accounts.ownAccount}. */
    default String messageKey() {
      String name = getClass().getSimpleName();
      return "officials.accounts." + Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
  }

  record NoSuchAccount() implements Refused {}

  /** The account lies outside the official's subtree, or its role is stronger than theirs. */
  record NotAllowed() implements Refused {}

  /** Nobody deactivates or resets their own account: another official does. */
  record OwnAccount() implements Refused {}

  /** A password reset for an account that signs in only with the e-ID, or the like. */
  record NothingToReset() implements Refused {}
}
