package vn.ykien.identity;

/** Thrown by {@link OfficialAccess#require}; the officials' pages answer it with 403 and a reason. */
public final class OfficialAccessDenied extends RuntimeException {

  private final AccessDecision decision;

  public OfficialAccessDenied(AccessDecision decision) {
    super("Access denied: " + decision);
    this.decision = decision;
  }

  public AccessDecision decision() {
    return decision;
  }

  /** The message bundle key of the reason, for the page. */
  public String messageKey() {
    return switch (decision) {
      case AccessDecision.RoleLacksPermission lacks -> "officials.denied.role";
      case AccessDecision.OutsideScope outside -> "officials.outOfScope";
      case AccessDecision.NationalOnly national -> "officials.denied.nationalOnly";
      case AccessDecision.Granted granted -> throw new IllegalStateException("granted");
    };
  }
}
