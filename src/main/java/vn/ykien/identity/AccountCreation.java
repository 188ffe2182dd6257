package vn.ykien.identity;

import org.jspecify.annotations.Nullable;

/** What came of creating an official's account. */
public sealed interface AccountCreation {

  /**
   * The account exists.
   *
   * @param totpUri the {@code otpauth://} address to put into an authenticator app (shown once),
   *     or null when the account has no second factor
   */
  record Created(String username, @Nullable String totpUri) implements AccountCreation {}

  /** Nothing was created; the reason is one of the refusals below. */
  sealed interface Refused extends AccountCreation {
    String messageKey();
  }

  /** 3 to 64 characters: lower-case letters, digits, dot, dash and underscore. */
  record InvalidUsername() implements Refused {
    public String messageKey() {
      return "officials.accounts.invalidUsername";
    }
  }

  record UsernameTaken() implements Refused {
    public String messageKey() {
      return "officials.accounts.usernameTaken";
    }
  }

  record MissingName() implements Refused {
    public String messageKey() {
      return "officials.accounts.missingName";
    }
  }

  record UnknownUnit() implements Refused {
    public String messageKey() {
      return "officials.accounts.unknownUnit";
    }
  }

  /** E.g. a commune officer on a province. */
  record RoleDoesNotFitUnit() implements Refused {
    public String messageKey() {
      return "officials.accounts.roleDoesNotFit";
    }
  }

  /** The creator may not give this role, or the unit is outside the creator's scope. */
  record NotAllowed() implements Refused {
    public String messageKey() {
      return "officials.accounts.notAllowed";
    }
  }

  /** 12 to 128 characters, or no password but a personal id to sign in with the e-ID. */
  record WeakPassword() implements Refused {
    public String messageKey() {
      return "officials.accounts.weakPassword";
    }
  }

  record InvalidCitizenId() implements Refused {
    public String messageKey() {
      return "officials.accounts.invalidCitizenId";
    }
  }

  /** The personal id already belongs to another account. */
  record CitizenIdTaken() implements Refused {
    public String messageKey() {
      return "officials.accounts.citizenIdTaken";
    }
  }
}
