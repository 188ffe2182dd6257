package vn.ykien.identity.internal;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How the API checks a citizen's e-ID access token: the signature, the time (with the default
 * leeway), and that the token was issued for this platform's API (its audience). Deliberately not
 * a {@link JwtDecoder} bean: the development e-ID provider's own endpoints keep theirs.
 */
record ApiTokens(JwtDecoder decoder) {

  /** Tokens signed with this public key, for this audience. */
  static ApiTokens signedWith(java.security.interfaces.RSAPublicKey key, String audience) {
    // A decoder with one fixed key: no key lookup or conversion per request.
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefault(),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(audience))));
    return new ApiTokens(decoder);
  }
}
