package vn.ykien.identity;

/**
 * An official, whose rights cover one unit and everything below it, as their account says at the
 * time of the request (a deactivated account stops working at its next request).
 *
 * @param unitEdition the edition of the unit hierarchy the scope refers to
 * @param unitCode the code of the unit at the top of the official's scope
 */
public record SignedInOfficial(
    String username, String displayName, OfficialRole role, String unitEdition, String unitCode) {

  public boolean may(Permission permission) {
    return role.may(permission);
  }
}
