package vn.ykien.identity;

/** Names of the claims the e-ID provider puts in its tokens. */
public final class EidClaims {

  /** The 12-digit personal id. */
  public static final String CITIZEN_ID = "citizen_id";

  /** Authentication context class: {@code urn:vneid:loa:1} or {@code urn:vneid:loa:2}. */
  public static final String ACR = "acr";

  public static final String LEVEL_PREFIX = "urn:vneid:loa:";

  private EidClaims() {}

  public static int level(String acr) {
    if (acr != null && acr.startsWith(LEVEL_PREFIX)) {
      try {
        return Integer.parseInt(acr.substring(LEVEL_PREFIX.length()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }
}
