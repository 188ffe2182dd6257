package vn.ykien.identity;

/** What an official (or the operator at the console) may do to another official's account. */
public enum AccountAction {
  /** It can no longer sign in; pages it has open stop working at once. */
  DEACTIVATE("official-account-deactivated"),
  REACTIVATE("official-account-reactivated"),
  /** The password is removed; the holder sets a new one with an enrolment code. */
  RESET_PASSWORD("official-password-reset"),
  /** The second factor is removed; the holder enrols a new one with an enrolment code. */
  RESET_SECOND_FACTOR("official-second-factor-reset");

  private final String audited;

  AccountAction(String audited) {
    this.audited = audited;
  }

  /** The audit trail's name for it. */
  public String audited() {
    return audited;
  }
}
