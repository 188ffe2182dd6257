package vn.ykien.identity;

import java.util.EnumSet;
import java.util.Set;
import vn.ykien.units.UnitKind;

/**
 * The roles an official's account can have. Each gives a fixed set of permissions, always limited
 * to the account's unit and everything below it; the roles named after a level belong on a unit of
 * that level.
 */
public enum OfficialRole {
  NATIONAL_ADMIN(UnitKind.NATION, EnumSet.allOf(Permission.class)),
  PROVINCE_OFFICER(
      UnitKind.PROVINCE,
      EnumSet.of(
          Permission.VIEW_PARTICIPATION,
          Permission.IMPORT_REGISTRY,
          Permission.MANAGE_OFFICIALS,
          Permission.ASSIST_CITIZENS,
          Permission.VIEW_RESULTS,
          Permission.REPORT_DAILY)),
  COMMUNE_OFFICER(
      UnitKind.COMMUNE,
      EnumSet.of(
          Permission.VIEW_PARTICIPATION,
          Permission.IMPORT_REGISTRY,
          Permission.MANAGE_OFFICIALS,
          Permission.ASSIST_CITIZENS,
          Permission.REPORT_DAILY)),
  /** An officer of a village or residential group (thôn, tổ dân phố). */
  GROUP_OFFICER(
      UnitKind.VILLAGE, EnumSet.of(Permission.VIEW_PARTICIPATION, Permission.ASSIST_CITIZENS, Permission.REPORT_DAILY)),
  /** Reads the figures of any unit level, and results in aggregate; no personal data. */
  ANALYST(
      null,
      EnumSet.of(
          Permission.VIEW_PARTICIPATION, Permission.VIEW_RESULTS, Permission.CORRECT_CLASSIFICATION)),
  /** Reads the audit trail; sees neither the registry nor participation. */
  AUDITOR(null, EnumSet.of(Permission.VIEW_AUDIT));

  private final UnitKind level;
  private final Set<Permission> permissions;

  OfficialRole(UnitKind level, Set<Permission> permissions) {
    this.level = level;
    this.permissions = permissions;
  }

  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }

  /** Whether an account with this role may sit on a unit of this kind. */
  public boolean fits(UnitKind kind) {
    return level == null || level == kind;
  }

  /** Whether an account with this role can sit on a unit at or below a unit of this kind. */
  public boolean fitsBelow(UnitKind top) {
    return level == null || level.ordinal() >= top.ordinal();
  }

  /** Whether someone with this role may give that role to another account: never more rights. */
  public boolean mayGrant(OfficialRole other) {
    return may(Permission.MANAGE_OFFICIALS) && permissions.containsAll(other.permissions);
  }

  public String messageKey() {
    return "officials.role." + name();
  }
}
