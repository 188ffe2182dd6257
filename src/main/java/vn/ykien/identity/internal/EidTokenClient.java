package vn.ykien.identity.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * How the platform authenticates itself to the e-ID provider's token endpoint: a client secret
 * (Spring Boot's {@code client-secret} property), or {@code private_key_jwt} (RFC 7523) with an
 * RSA key the provider has registered: {@code client-authentication-method: private_key_jwt} and
 * {@code ykien.identity.eid.client-key-file} (PKCS#8 PEM), {@code ykien.identity.eid.client-key-id}.
 */
@Configuration(proxyBeanMethods = false)
class EidTokenClient {

  @Bean
  OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> eidTokenResponseClient(
      @Value("${ykien.identity.eid.client-key-file:}") String keyFile,
      @Value("${ykien.identity.eid.client-key-id:ykien}") String keyId)
      throws IOException, GeneralSecurityException {
    return tokenResponseClient(keyFile.isBlank() ? null : signingKey(Path.of(keyFile), keyId));
  }

  static RestClientAuthorizationCodeTokenResponseClient tokenResponseClient(@Nullable JWK key) {
    var client = new RestClientAuthorizationCodeTokenResponseClient();
    client.addParametersConverter(
        new NimbusJwtClientAuthenticationParametersConverter<>(
            registration -> {
              if (!ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(registration.getClientAuthenticationMethod())) {
                return null;
              }
              if (key == null) {
                throw new IllegalStateException(
                    "Client registration " + registration.getRegistrationId()
                        + " uses private_key_jwt: set ykien.identity.eid.client-key-file");
              }
              return key;
            }));
    return client;
  }

  /** An RSA private key in PKCS#8 PEM ("BEGIN PRIVATE KEY"); the public half is derived from it. */
  static RSAKey signingKey(Path pem, String keyId) throws IOException, GeneralSecurityException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    String base64 =
        text.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    var factory = KeyFactory.getInstance("RSA");
    var privateKey =
        (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    var publicKey =
        (RSAPublicKey)
            factory.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId).build();
  }
}
