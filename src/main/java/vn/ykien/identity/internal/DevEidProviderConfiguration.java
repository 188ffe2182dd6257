package vn.ykien.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
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

  @Bean
  JWKSource<SecurityContext> devEidSigningKeys() throws NoSuchAlgorithmException {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic())
            .privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }
}
