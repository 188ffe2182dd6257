package vn.ykien.identity;

import org.jspecify.annotations.Nullable;

/** What came of creating an official's account. */
public sealed interface AccountCreation {

  /**
   * The account exists.
   *
   * @param totpUri at the console only: the {@code otpauth://} address to put into an
   *     authenticator app (shown once), or null when the account has no second factor
   * @param enrolmentCode for an account an official created: the one-time code (shown once) with
   *     which the holder sets their password and enrols their second factor; null at the console
   */
  record Created(String username, @Nullable String totpUri, @Nullable String enrolmentCode)
      implements AccountCreation {

    public Created(String username, @Nullable String totpUri) {
      this(username, totpUri, null);
    }
  }

  /** Nothing was created; the reason is one of the refusals below. */
  sealed interface Refused extends AccountCreation {
    /** {@code officials.accounts.} and the refusal's name, e.g. {@code officials.accounts.usernameTaken}. */
    default String messageKey() {
      String name = getClass().getSimpleName();
      return "officials.accounts." + Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
  }

  /** 3 to 64 characters: lower-case letters, digits, dot, dash and underscore. */
  record InvalidUsername() implements Refused {}

  record UsernameTaken() implements Refused {}

  record MissingName() implements Refused {}

  record UnknownUnit() implements Refused {}

  /** E.g. a commune officer on a province. */
  record RoleDoesNotFitUnit() implements Refused {}

  /** The creator may not give this role, or the unit is outside the creator's scope. */
  record NotAllowed() implements Refused {}

  /** 12 to 128 characters, or no password but a personal id to sign in with the e-ID. */
  record WeakPassword() implements Refused {}

  record InvalidCitizenId() implements Refused {}

  /** The personal id already belongs to another account. */
  record CitizenIdTaken() implements Refused {}
}
