package vn.ykien.identity;

import org.jspecify.annotations.Nullable;
import vn.ykien.units.Unit;

/**
 * The one place that decides whether an official may do something for a unit: their role must
 * include the permission, and the unit must be theirs or below it.
 */
public interface OfficialAccess {

  AccessDecision decide(SignedInOfficial official, Permission permission, Unit unit);

  /** The unit at the top of the official's scope. */
  Unit scopeOf(SignedInOfficial official);

  /**
   * The unit an official page acts on, when the official may do this there: 403 (with the
   * reason) when not, or when nobody is signed in as an official; 404 when there is no such unit.
   */
  OfficialAtUnit requireUnit(
      @Nullable SignedInOfficial official,
      Permission permission,
      String edition,
      String code);

  /** Returns normally when granted; otherwise throws {@link OfficialAccessDenied}. */
  default void require(SignedInOfficial official, Permission permission, Unit unit) {
    AccessDecision decision = decide(official, permission, unit);
    if (!decision.granted()) {
      throw new OfficialAccessDenied(decision);
    }
  }
}
