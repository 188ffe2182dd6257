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

  /** Failed sign-ins in a row that pause an account, and for how long. */
  static final int MAX_FAILURES = 5;

  static final java.time.Duration PAUSE = java.time.Duration.ofMinutes(15);

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
      OfficialAccountStore store, PasswordEncoder passwordEncoder, Clock clock) {
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
    var provider = new SecondFactorProvider(accounts, store, clock);
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
    private final Clock clock;

    SecondFactorProvider(UserDetailsService accounts, OfficialAccountStore store, Clock clock) {
      super(accounts);
      this.store = store;
      this.clock = clock;
    }

    /** A paused account is refused like a wrong password, so the pause tells a guesser nothing. */
    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
      String username = authentication.getName();
      if (store.lockedAt(username, clock.instant())) {
        throw new BadCredentialsException("Account paused after repeated failures");
      }
      try {
        Authentication result = super.authenticate(authentication);
        store.signInSucceeded(username);
        return result;
      } catch (BadCredentialsException failed) {
        store.signInFailed(username, MAX_FAILURES, clock.instant().plus(PAUSE));
        throw failed;
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
