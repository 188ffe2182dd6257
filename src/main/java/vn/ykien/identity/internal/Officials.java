package vn.ykien.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.identity.AccessDecision;
import vn.ykien.identity.AccountCreation;
import vn.ykien.identity.NewOfficial;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.OfficialAccount;
import vn.ykien.identity.OfficialAccounts;
import vn.ykien.identity.OfficialAtUnit;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/** Officials' accounts and the rule that keeps every official inside their own subtree. */
@Service
class Officials implements OfficialAccounts, OfficialAccess {

  static final String CONSOLE = "console";
  static final String TOTP_ISSUER = "YKien";

  private final OfficialAccountStore store;
  private final Units units;
  private final PasswordEncoder passwords;
  private final Clock clock;

  Officials(OfficialAccountStore store, Units units, PasswordEncoder passwords, Clock clock) {
    this.store = store;
    this.units = units;
    this.passwords = passwords;
    this.clock = clock;
  }

  @Override
  public AccessDecision decide(SignedInOfficial official, Permission permission, Unit unit) {
    if (!official.may(permission)) {
      return new AccessDecision.RoleLacksPermission(official.role(), permission);
    }
    Optional<Unit> scope = units.findByCode(official.unitEdition(), official.unitCode());
    if (scope.isEmpty() || !scope.get().contains(unit)) {
      return new AccessDecision.OutsideScope(unit.code());
    }
    if (permission.nationalOnly() && scope.get().parentId() != null) {
      return new AccessDecision.NationalOnly(permission);
    }
    return new AccessDecision.Granted();
  }

  @Override
  public OfficialAtUnit requireUnit(
      @Nullable SignedInOfficial official, Permission permission, String edition, String code) {
    if (official == null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    Unit unit =
        units.findByCode(edition, code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    require(official, permission, unit);
    return new OfficialAtUnit(official, unit);
  }

  @Override
  public Unit scopeOf(SignedInOfficial official) {
    return units
        .findByCode(official.unitEdition(), official.unitCode())
        .orElseThrow(() -> new IllegalStateException("The unit of " + official.username() + " is gone"));
  }

  @Override
  @Transactional
  public AccountCreation create(SignedInOfficial creator, NewOfficial account) {
    Optional<Unit> unit = units.findByCode(account.unitEdition(), account.unitCode());
    if (unit.isEmpty()) {
      return new AccountCreation.UnknownUnit();
    }
    if (!creator.role().mayGrant(account.role())
        || !decide(creator, Permission.MANAGE_OFFICIALS, unit.get()).granted()) {
      return new AccountCreation.NotAllowed();
    }
    return insert(account, unit.get(), creator.username());
  }

  @Override
  @Transactional
  public AccountCreation createAtConsole(NewOfficial account) {
    return units
        .findByCode(account.unitEdition(), account.unitCode())
        .map(unit -> insert(account, unit, CONSOLE))
        .orElseGet(AccountCreation.UnknownUnit::new);
  }

  @Override
  public List<OfficialAccount> within(Unit unit) {
    return store.withinPath(unit.path());
  }

  /** The account as it is now, if it exists and is active. */
  Optional<SignedInOfficial> signedIn(String username) {
    return store.findActive(username).map(Officials::signedIn);
  }

  Optional<SignedInOfficial> signedInByCitizenId(String citizenId) {
    return store.findActiveByCitizenId(citizenId).map(Officials::signedIn);
  }

  private static SignedInOfficial signedIn(OfficialAccount account) {
    return new SignedInOfficial(
        account.username(),
        account.displayName(),
        account.role(),
        account.unitEdition(),
        account.unitCode());
  }

  private AccountCreation insert(NewOfficial account, Unit unit, String createdBy) {
    String username = account.username() == null ? "" : account.username().strip();
    if (!username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
      return new AccountCreation.InvalidUsername();
    }
    String name = account.displayName() == null ? "" : account.displayName().strip();
    if (name.isEmpty() || name.length() > 200) {
      return new AccountCreation.MissingName();
    }
    if (!account.role().fits(unit.kind())) {
      return new AccountCreation.RoleDoesNotFitUnit();
    }
    @Nullable String citizenId = blankToNull(account.citizenId());
    if (citizenId != null && !CitizenId.isValid(citizenId)) {
      return new AccountCreation.InvalidCitizenId();
    }
    @Nullable String password = account.password() == null || account.password().isEmpty() ? null : account.password();
    if (password == null ? citizenId == null : !strongEnough(password)) {
      return new AccountCreation.WeakPassword();
    }
    if (store.usernameTaken(username)) {
      return new AccountCreation.UsernameTaken();
    }
    if (citizenId != null && store.citizenIdTaken(citizenId)) {
      return new AccountCreation.CitizenIdTaken();
    }
    @Nullable String totpSecret = account.withTotp() ? Totp.newSecret() : null;
    try {
      store.insert(
        new OfficialAccount(
            username,
            name,
            account.role(),
            unit.edition(),
            unit.code(),
            password != null,
            totpSecret != null,
            citizenId != null,
            true,
            clock.instant(),
            createdBy),
        unit.path(),
        password == null ? null : passwords.encode(password),
        totpSecret,
        citizenId);
    } catch (DuplicateKeyException raced) {
      // Another request took the name or the personal id between the check and the insert.
      return store.usernameTaken(username) ? new AccountCreation.UsernameTaken() : new AccountCreation.CitizenIdTaken();
    }
    return new AccountCreation.Created(
        username, totpSecret == null ? null : Totp.uri(TOTP_ISSUER, username, totpSecret));
  }

  /** NIST SP 800-63B: length is what counts; no composition rules. */
  static boolean strongEnough(String password) {
    int length = password.codePointCount(0, password.length());
    return length >= 12 && length <= 128 && !password.isBlank();
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
