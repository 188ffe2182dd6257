package vn.ykien.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import vn.ykien.identity.DevEidProvider;

/**
 * The development e-ID provider: a standard OpenID Connect issuer inside the app, standing in for
 * the national e-ID platform in the demo. A person is chosen on its sign-in page instead of
 * authenticating with a chip card and face; everything after that is the real protocol.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Profile("demo")
class DevEidProviderConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain devEidProviderChain(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(
            server -> {
              http.securityMatcher(server.getEndpointsMatcher());
              server.oidc(Customizer.withDefaults());
            })
        // Only a person signed in at the provider's own page gets a code (not, say, an official).
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/oauth2/authorize")
                    .hasRole("EID_SUBJECT")
                    .anyRequest()
                    .authenticated())
        // Its own saved request, so the page the citizen came from is not forgotten.
        .requestCache(cache -> cache.requestCache(providerRequests()))
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/dev-eid/sign-in"),
                    PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")));
    return http.build();
  }

  /** Where the provider remembers the authorisation request while the person signs in. */
  static HttpSessionRequestCache providerRequests() {
    var cache = new HttpSessionRequestCache();
    cache.setSessionAttrName(DevEidProvider.SAVED_REQUEST_ATTRIBUTE);
    return cache;
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }

  /**
   * The API accepts the provider's access tokens issued for the API's audience
   * ({@code ykien.identity.api-audience}, default {@code ykien-api}).
   */
  @Bean
  ApiTokens apiTokens(
      JWKSource<SecurityContext> devEidSigningKeys,
      @org.springframework.beans.factory.annotation.Value("${ykien.identity.api-audience:ykien-api}") String audience)
      throws com.nimbusds.jose.JOSEException {
    RSAKey key = ((ImmutableJWKSet<SecurityContext>) devEidSigningKeys).getJWKSet().getKeys().getFirst().toRSAKey();
    return ApiTokens.signedWith(key.toRSAPublicKey(), audience);
  }

  /**
   * The provider's signing key: a new one at each start, or the RSA key (PKCS#8 PEM) in
   * {@code ykien.identity.dev-provider.signing-key-file}, so that a load generator can issue the
   * tokens a real e-ID app would send (see bench/submit-load.sh).
   */
  @Bean
  JWKSource<SecurityContext> devEidSigningKeys(
      @org.springframework.beans.factory.annotation.Value("${ykien.identity.dev-provider.signing-key-file:}")
          String keyFile)
      throws java.security.GeneralSecurityException, java.io.IOException {
    RSAPrivateKey privateKey;
    RSAPublicKey publicKey;
    if (keyFile.isBlank()) {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      privateKey = (RSAPrivateKey) pair.getPrivate();
      publicKey = (RSAPublicKey) pair.getPublic();
    } else {
      String pem = java.nio.file.Files.readString(java.nio.file.Path.of(keyFile));
      byte[] der =
          java.util.Base64.getMimeDecoder()
              .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
      var factory = java.security.KeyFactory.getInstance("RSA");
      var crt = (java.security.interfaces.RSAPrivateCrtKey) factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
      privateKey = crt;
      publicKey =
          (RSAPublicKey)
              factory.generatePublic(new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }
    RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(UUID.randomUUID().toString()).build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }
}
