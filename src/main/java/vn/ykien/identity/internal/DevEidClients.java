package vn.ykien.identity.internal;

import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * Both sides of the demo's OpenID Connect relationship: the platform registered as a client of the
 * development e-ID provider, and the provider known to the platform. Built on first use, once the
 * server's port is known, so that the same code serves port 8080 and the tests' random ports.
 */
@Component
@Profile("demo")
class DevEidClients
    implements RegisteredClientRepository,
        ClientRegistrationRepository,
        Iterable<ClientRegistration> {

  static final String REGISTRATION_ID = "eid";
  private static final String CLIENT_ID = "ykien-web";

  private final Environment environment;
  private final String clientSecret;
  private final PasswordEncoder passwords;
  private volatile @Nullable RegisteredClient registered;

  DevEidClients(
      Environment environment,
      @Value("${ykien.identity.dev-provider.client-secret}") String secret,
      PasswordEncoder passwords) {
    this.environment = environment;
    this.clientSecret = secret;
    this.passwords = passwords;
  }

  private String base(String host) {
    return "http://" + host + ":" + environment.getProperty("local.server.port", "8080");
  }

  private RegisteredClient registered() {
    RegisteredClient client = registered;
    if (client == null) {
      client =
          RegisteredClient.withId(CLIENT_ID)
              .clientId(CLIENT_ID)
              .clientSecret(passwords.encode(clientSecret))
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .redirectUri(base("localhost") + "/login/oauth2/code/" + REGISTRATION_ID)
              .redirectUri(base("127.0.0.1") + "/login/oauth2/code/" + REGISTRATION_ID)
              .scope(OidcScopes.OPENID)
              .clientSettings(
                  ClientSettings.builder()
                      .requireProofKey(true)
                      .requireAuthorizationConsent(false)
                      .build())
              .build();
      registered = client;
    }
    return client;
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    if (!CLIENT_ID.equals(registeredClient.getClientId())) {
      throw new IllegalArgumentException("the development e-ID provider has one fixed client");
    }
    // The provider re-saves its client (e.g. after upgrading the secret's encoding).
    registered = registeredClient;
  }

  @Override
  public @Nullable RegisteredClient findById(String id) {
    return CLIENT_ID.equals(id) ? registered() : null;
  }

  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    return CLIENT_ID.equals(clientId) ? registered() : null;
  }

  @Override
  public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
    if (!REGISTRATION_ID.equals(registrationId)) {
      return null;
    }
    String provider = base("localhost");
    return ClientRegistration.withRegistrationId(REGISTRATION_ID)
        .clientId(CLIENT_ID)
        .clientSecret(clientSecret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope(OidcScopes.OPENID)
        .authorizationUri(provider + "/oauth2/authorize")
        .tokenUri(provider + "/oauth2/token")
        .jwkSetUri(provider + "/oauth2/jwks")
        .issuerUri(provider)
        .userNameAttributeName(IdTokenClaimNames.SUB)
        .clientName("VNeID (development)")
        .build();
  }

  @Override
  public Iterator<ClientRegistration> iterator() {
    return List.of(findByRegistrationId(REGISTRATION_ID)).iterator();
  }
}
