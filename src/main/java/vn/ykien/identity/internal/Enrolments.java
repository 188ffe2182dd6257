package vn.ykien.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.identity.OfficialChangedRecords;

/**
 * The holder's side of an account: with the one-time enrolment code an official handed them, they
 * set their own password and enrol their own second factor (a new account), or set again what was
 * reset. Each enrolment proves both factors: a new or the current password, and a code from a new
 * or the current authenticator. The enrolment is audited under the holder's own name.
 */
@Service
public class Enrolments {

  static final String AUDITED_ACTION = "official-enrolled";

  private final OfficialAccountStore store;
  private final PasswordEncoder passwords;
  private final SignInThrottle throttle;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Enrolments(
      OfficialAccountStore store,
      PasswordEncoder passwords,
      SignInThrottle throttle,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.passwords = passwords;
    this.throttle = throttle;
    this.events = events;
    this.clock = clock;
  }

  /** What the enrolment page asks for. */
  public record Pending(String username, String displayName, boolean newPassword, boolean newSecondFactor) {}

  /** The account this code enrols, while the code is valid. */
  @Transactional(readOnly = true)
  public Optional<Pending> find(String code) {
    return store
        .enrolling(hash(code), clock.instant())
        .map(e -> new Pending(e.username(), e.displayName(), e.passwordHash() == null, e.totpSecret() == null));
  }

  /** A new second-factor secret and the address an authenticator app reads (from a QR code). */
  public record NewSecret(String secret, String uri) {}

  public NewSecret newSecret(String username) {
    String secret = Totp.newSecret();
    return new NewSecret(secret, uriFor(username, secret));
  }

  public String uriFor(String username, String secret) {
    return Totp.uri(Officials.TOTP_ISSUER, username, secret);
  }

  /** What came of an enrolment. */
  public sealed interface Outcome {
    record Enrolled(String username) implements Outcome {}

    /** Unknown, used or expired code: the official who manages the account issues a new one. */
    record InvalidCode() implements Outcome {}

    record WeakPassword() implements Outcome {}

    record PasswordsDiffer() implements Outcome {}

    /** The current password (when only the second factor is new) is wrong. */
    record WrongPassword() implements Outcome {}

    /** The code from the authenticator does not match (the new secret, or the current one). */
    record WrongCode() implements Outcome {}

    record Throttled(long seconds) implements Outcome {}
  }

  /**
   * @param newSecret the secret shown on the enrolment page (null when the second factor stays)
   */
  @Transactional
  public Outcome enrol(
      String code,
      String password,
      String repeated,
      String oneTimeCode,
      @Nullable String newSecret,
      String address) {
    byte[] codeHash = hash(code);
    var now = clock.instant();
    Optional<OfficialAccountStore.Enrolling> found = store.enrolling(codeHash, now);
    if (found.isEmpty()) {
      return new Outcome.InvalidCode();
    }
    var account = found.get();
    var wait = throttle.waitFor(account.username(), address, now);
    if (wait.isPresent()) {
      return new Outcome.Throttled(Math.max(1, wait.get().toSeconds()));
    }
    boolean newPassword = account.passwordHash() == null;
    if (newPassword) {
      if (!Officials.strongEnough(password)) {
        return new Outcome.WeakPassword();
      }
      if (!password.equals(repeated)) {
        return new Outcome.PasswordsDiffer();
      }
    } else if (!passwords.matches(password, account.passwordHash())) {
      throttle.failed(account.username(), address, now);
      return new Outcome.WrongPassword();
    }
    String secret = account.totpSecret() != null ? account.totpSecret() : newSecret;
    OptionalLong step =
        secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, oneTimeCode.replace(" ", "").strip(), now);
    if (step.isEmpty()) {
      throttle.failed(account.username(), address, now);
      return new Outcome.WrongCode();
    }
    boolean done =
        store.completeEnrolment(
            account.username(),
            codeHash,
            newPassword ? passwords.encode(password) : null,
            account.totpSecret() == null ? secret : null,
            step.getAsLong(),
            now);
    if (!done) {
      return new Outcome.InvalidCode();
    }
    throttle.succeeded(account.username(), address);
    events.publishEvent(
        new OfficialChangedRecords(
            account.username(),
            account.unitEdition(),
            account.unitCode(),
            account.unitPath(),
            AUDITED_ACTION,
            account.username() + (newPassword ? " | password" : "") + (account.totpSecret() == null ? " | second factor" : ""),
            1));
    return new Outcome.Enrolled(account.username());
  }

  /** SHA-256 of the code as typed from paper: case, spaces and dashes do not matter. */
  static byte[] hash(String code) {
    String normalised = code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    try {
      return MessageDigest.getInstance("SHA-256").digest(("enrol:" + normalised).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
