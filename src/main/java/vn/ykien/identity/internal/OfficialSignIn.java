package vn.ykien.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Officials sign in with username and password (Argon2id), plus a one-time code when their account
 * has a second factor. Unknown users, wrong passwords and wrong codes get the same answer.
 */
@Configuration(proxyBeanMethods = false)
class OfficialSignIn {

  /** The sign-in form's field for the one-time code. */
  static final String CODE_PARAMETER = "code";

  /**
   * Password hashes computed at once, at most: each takes 19 MiB and a core for a moment; more
   * attempts wait their turn (a few seconds), then are told to try again.
   */
  static final int CONCURRENT_HASHES = 2;

  static final java.time.Duration HASH_WAIT = java.time.Duration.ofSeconds(5);

  /** This address failed too often lately: it may try again after the wait. */
  static final class Throttled extends AuthenticationException {
    private final java.time.Duration wait;

    Throttled(java.time.Duration wait) {
      super("Too many failed sign-ins from this address");
      this.wait = wait;
    }

    long seconds() {
      return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
  }

  /** Every hashing slot stayed taken while the attempt waited. */
  static final class Busy extends AuthenticationException {
    Busy() {
      super("Too many sign-ins at once");
    }
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    // Argon2id for new hashes; bcrypt hashes still verify, should any be imported.
    return new DelegatingPasswordEncoder(
        "argon2",
        Map.of(
            // OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane.
            "argon2", new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
            "bcrypt", new BCryptPasswordEncoder()));
  }

  @Bean
  DaoAuthenticationProvider officialAuthentication(
      OfficialAccountStore store, SignInThrottle throttle, PasswordEncoder passwordEncoder, Clock clock) {
    UserDetailsService accounts =
        username ->
            store
                .credentials(username)
                .filter(account -> account.passwordHash() != null)
                .map(
                    account ->
                        User.withUsername(account.username())
                            .password(account.passwordHash())
                            .disabled(!account.active())
                            .roles(SecurityConfiguration.OFFICIAL)
                            .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such official"));
    var provider = new SecondFactorProvider(accounts, store, throttle, clock);
    provider.setPasswordEncoder(passwordEncoder);
    return provider;
  }

  /** The form's details, with the one-time code the official typed (if any). */
  static final class SignInDetails extends WebAuthenticationDetails {
    private final String code;

    SignInDetails(HttpServletRequest request) {
      super(request);
      String given = request.getParameter(CODE_PARAMETER);
      this.code = given == null ? "" : given.replace(" ", "").strip();
    }

    String code() {
      return code;
    }
  }

  /** After the password, the second factor: a fresh code for the account's secret. */
  private static final class SecondFactorProvider extends DaoAuthenticationProvider {
    private final OfficialAccountStore store;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final java.util.concurrent.Semaphore hashing = new java.util.concurrent.Semaphore(CONCURRENT_HASHES, true);

    SecondFactorProvider(UserDetailsService accounts, OfficialAccountStore store, SignInThrottle throttle, Clock clock) {
      super(accounts);
      this.store = store;
      this.throttle = throttle;
      this.clock = clock;
    }

    /**
     * An address that failed too often waits, whatever the account's state (a refusal reflects
     * only the caller's own failures); then the password is hashed, a bounded number at once.
     * Unknown accounts are hashed too (Spring's timing mitigation), so no answer is faster for them.
     */
    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
      String username = authentication.getName();
      String address =
          authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
              ? details.getRemoteAddress()
              : "0.0.0.0";
      var wait = throttle.waitFor(username, address, clock.instant());
      if (wait.isPresent()) {
        throw new Throttled(wait.get());
      }
      try {
        if (!hashing.tryAcquire(HASH_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          throw new Busy();
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new Busy();
      }
      // Again once it is this attempt's turn: a burst of parallel guesses queued behind the
      // hashing slots sees the failures of those before it.
      var waitNow = throttle.waitFor(username, address, clock.instant());
      if (waitNow.isPresent()) {
        hashing.release();
        throw new Throttled(waitNow.get());
      }
      try {
        Authentication result = super.authenticate(authentication);
        throttle.succeeded(username, address);
        return result;
      } catch (BadCredentialsException | org.springframework.security.authentication.DisabledException failed) {
        throttle.failed(username, address, clock.instant());
        throw failed;
      } finally {
        hashing.release();
      }
    }

    @Override
    protected void additionalAuthenticationChecks(
        UserDetails user, UsernamePasswordAuthenticationToken authentication)
        throws AuthenticationException {
      super.additionalAuthenticationChecks(user, authentication);
      String secret =
          store.credentials(user.getUsername()).map(OfficialAccountStore.Credentials::totpSecret).orElse(null);
      if (secret == null) {
        return;
      }
      String code =
          authentication.getDetails() instanceof SignInDetails details ? details.code() : "";
      OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
      if (step.isEmpty() || !store.useTotpStep(user.getUsername(), step.getAsLong())) {
        throw new BadCredentialsException("Wrong or reused one-time code");
      }
    }
  }
}
