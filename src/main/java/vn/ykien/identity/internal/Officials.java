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
import org.springframework.context.ApplicationEventPublisher;
import vn.ykien.identity.AccessDecision;
import vn.ykien.identity.AccountAction;
import vn.ykien.identity.AccountChange;
import vn.ykien.identity.InvitedOfficial;
import vn.ykien.identity.OfficialChangedRecords;
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

  /** How long an enrolment code may be used: long enough to hand over, short enough to lapse. */
  static final java.time.Duration ENROLMENT_VALID_FOR = java.time.Duration.ofDays(3);

  private final OfficialAccountStore store;
  private final Units units;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final java.security.SecureRandom random = new java.security.SecureRandom();

  Officials(
      OfficialAccountStore store,
      Units units,
      PasswordEncoder passwords,
      Clock clock,
      ApplicationEventPublisher events) {
    this.store = store;
    this.units = units;
    this.passwords = passwords;
    this.clock = clock;
    this.events = events;
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
  public AccountCreation create(SignedInOfficial creator, InvitedOfficial invited) {
    Optional<Unit> unit = units.findByCode(invited.unitEdition(), invited.unitCode());
    if (unit.isEmpty()) {
      return new AccountCreation.UnknownUnit();
    }
    if (!creator.role().mayGrant(invited.role())
        || !decide(creator, Permission.MANAGE_OFFICIALS, unit.get()).granted()) {
      return new AccountCreation.NotAllowed();
    }
    // No password and no second factor from the creator: the holder enrols with this code.
    String code = newEnrolmentCode();
    var account =
        new NewOfficial(
            invited.username(), invited.displayName(), invited.role(), invited.unitEdition(), invited.unitCode(),
            null, invited.citizenId(), false);
    AccountCreation created = insert(account, unit.get(), creator.username(), enrolment(code));
    if (created instanceof AccountCreation.Created done) {
      audit(creator, unit.get(), "official-account-created", done.username() + " | " + invited.role().name());
      return new AccountCreation.Created(done.username(), null, code);
    }
    return created;
  }

  @Override
  @Transactional
  public AccountChange change(SignedInOfficial actor, String username, AccountAction action) {
    Optional<OfficialAccountStore.Managed> found = store.find(username == null ? "" : username.strip());
    if (found.isEmpty()) {
      return new AccountChange.NoSuchAccount();
    }
    OfficialAccount account = found.get().account();
    if (account.username().equals(actor.username())) {
      return new AccountChange.OwnAccount();
    }
    Optional<Unit> unit = units.findByCode(account.unitEdition(), account.unitCode());
    if (unit.isEmpty()
        || !actor.role().mayGrant(account.role())
        || !decide(actor, Permission.MANAGE_OFFICIALS, unit.get()).granted()) {
      return new AccountChange.NotAllowed();
    }
    return apply(account, unit.get(), action, actor.username());
  }

  @Override
  @Transactional
  public AccountChange changeAtConsole(String username, AccountAction action) {
    Optional<OfficialAccountStore.Managed> found = store.find(username == null ? "" : username.strip());
    if (found.isEmpty()) {
      return new AccountChange.NoSuchAccount();
    }
    OfficialAccount account = found.get().account();
    return units
        .findByCode(account.unitEdition(), account.unitCode())
        .map(unit -> apply(account, unit, action, CONSOLE))
        .orElseGet(AccountChange.NotAllowed::new);
  }

  /** The change itself and its audit entry, in the caller's transaction. */
  private AccountChange apply(OfficialAccount account, Unit unit, AccountAction action, String by) {
    if (action == AccountAction.RESET_PASSWORD && !account.signsInWithPassword() && !account.enrolmentPending()) {
      return new AccountChange.NothingToReset();
    }
    String username = account.username();
    String code = null;
    switch (action) {
      case DEACTIVATE -> store.setActive(username, false, by, clock.instant());
      case REACTIVATE -> store.setActive(username, true, by, clock.instant());
      case RESET_PASSWORD -> {
        code = newEnrolmentCode();
        store.resetPassword(username, enrolment(code), by, clock.instant());
      }
      case RESET_SECOND_FACTOR -> {
        code = newEnrolmentCode();
        store.resetSecondFactor(username, enrolment(code), by, clock.instant());
      }
    }
    events.publishEvent(
        new OfficialChangedRecords(by, unit.edition(), unit.code(), unit.path(), action.audited(), username, 1));
    return new AccountChange.Done(username, code);
  }

  private void audit(SignedInOfficial actor, Unit unit, String action, String detail) {
    events.publishEvent(
        new OfficialChangedRecords(actor.username(), unit.edition(), unit.code(), unit.path(), action, detail, 1));
  }

  /** 160 random bits, Base32 in groups of four: typed from paper if need be. */
  private String newEnrolmentCode() {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    return new org.apache.commons.codec.binary.Base32().encodeAsString(bytes).replace("=", "");
  }

  private OfficialAccountStore.Enrolment enrolment(String code) {
    return new OfficialAccountStore.Enrolment(Enrolments.hash(code), clock.instant().plus(ENROLMENT_VALID_FOR));
  }

  @Override
  @Transactional
  public AccountCreation createAtConsole(NewOfficial account) {
    return units
        .findByCode(account.unitEdition(), account.unitCode())
        .map(unit -> insert(account, unit, CONSOLE, null))
        .orElseGet(AccountCreation.UnknownUnit::new);
  }

  /** Second-factor secrets stored in the clear before V29 are sealed once the platform is up. */
  @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void sealLegacySecrets() {
    int sealed = store.sealLegacySecrets();
    if (sealed > 0) {
      org.slf4j.LoggerFactory.getLogger(Officials.class).info("Sealed {} second-factor secrets stored in the clear", sealed);
    }
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

  private AccountCreation insert(
      NewOfficial account, Unit unit, String createdBy, OfficialAccountStore.@Nullable Enrolment enrolment) {
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
    if (password == null ? citizenId == null && enrolment == null : !strongEnough(password)) {
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
        citizenId,
        enrolment);
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
