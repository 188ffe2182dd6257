package vn.ykien.identity;

import java.util.List;
import vn.ykien.units.Unit;

/**
 * Officials' accounts: created by an official over their own subtree (the holder then enrols:
 * password and second factor of their own), or at the console; deactivated, reactivated and reset
 * by an official who may manage them. Every change is written to the audit trail.
 */
public interface OfficialAccounts {

  /** By an official with {@link Permission#MANAGE_OFFICIALS}, never granting more than they have. */
  AccountCreation create(SignedInOfficial creator, InvitedOfficial account);

  /** By the operator at the server's console ({@code ykien officials add}), without limits. */
  AccountCreation createAtConsole(NewOfficial account);

  /** The accounts on this unit and below it, by unit then username. */
  List<OfficialAccount> within(Unit unit);

  /** The account can no longer sign in; pages it has open stop working at once. */
  AccountChange deactivate(SignedInOfficial actor, String username);

  AccountChange reactivate(SignedInOfficial actor, String username);

  /** The password is removed; the holder sets a new one with the returned enrolment code. */
  AccountChange resetPassword(SignedInOfficial actor, String username);

  /** The second factor is removed; the holder enrols a new one with the returned enrolment code. */
  AccountChange resetSecondFactor(SignedInOfficial actor, String username);
}
