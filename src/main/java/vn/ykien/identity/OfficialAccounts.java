package vn.ykien.identity;

import java.util.List;
import vn.ykien.units.Unit;

/** Officials' accounts: created by an official over their own subtree, or at the console. */
public interface OfficialAccounts {

  /** By an official with {@link Permission#MANAGE_OFFICIALS}, never granting more than they have. */
  AccountCreation create(SignedInOfficial creator, NewOfficial account);

  /** By the operator at the server's console ({@code ykien officials add}), without limits. */
  AccountCreation createAtConsole(NewOfficial account);

  /** The accounts on this unit and below it, by unit then username. */
  List<OfficialAccount> within(Unit unit);
}
