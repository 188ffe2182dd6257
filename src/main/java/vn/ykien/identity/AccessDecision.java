package vn.ykien.identity;

/** Whether an official may do something for a unit, and if not, why. */
public sealed interface AccessDecision {

  /** The role allows it and the unit is the official's own or below it. */
  record Granted() implements AccessDecision {}

  /** The official's role does not include this permission, wherever the unit is. */
  record RoleLacksPermission(OfficialRole role, Permission permission) implements AccessDecision {}

  /** The unit is outside the official's unit and the units below it. */
  record OutsideScope(String unitCode) implements AccessDecision {}

  /** The permission acts on the whole nation, and the official's scope is smaller. */
  record NationalOnly(Permission permission) implements AccessDecision {}

  default boolean granted() {
    return this instanceof Granted;
  }
}
