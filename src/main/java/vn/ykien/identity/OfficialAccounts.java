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

  /**
   * By an official who may manage the account (within their subtree, a role they may give, never
   * their own); a reset returns the enrolment code for the holder. Audited.
   */
  AccountChange change(SignedInOfficial actor, String username, AccountAction action);

  /**
   * By the operator at the server's console ({@code ykien officials change …}): for the accounts
   * no official above can manage, e.g. the only national administrator. Audited as the console.
   */
  AccountChange changeAtConsole(String username, AccountAction action);
}
