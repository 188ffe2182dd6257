package vn.ykien.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

/**
 * With {@code private_key_jwt}, the platform proves itself to the e-ID provider's token endpoint
 * with a JWT signed by its registered key, and sends no secret. A real HTTP token endpoint checks it.
 */
class EidTokenClientTests {

  @TempDir Path dir;

  @Test
  void theTokenRequestCarriesAnAssertionSignedWithTheConfiguredKey() throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    Path pem = dir.resolve("client-key.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");

    AtomicReference<String> received = new AtomicReference<>();
    HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/token",
        exchange -> {
          received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body =
              "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":60}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    provider.start();
    try {
      String tokenUri = "http://127.0.0.1:" + provider.getAddress().getPort() + "/token";
      var registration =
          ClientRegistration.withRegistrationId("eid")
              .clientId("ykien-web")
              .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .redirectUri("https://ykien.example/login/oauth2/code/eid")
              .authorizationUri("https://eid.example/authorize")
              .tokenUri(tokenUri)
              .scope("openid")
              .build();
      var request =
          OAuth2AuthorizationRequest.authorizationCode()
              .clientId("ykien-web")
              .authorizationUri("https://eid.example/authorize")
              .redirectUri("https://ykien.example/login/oauth2/code/eid")
              .state("s")
              .build();
      var response =
          OAuth2AuthorizationResponse.success("the-code")
              .redirectUri("https://ykien.example/login/oauth2/code/eid")
              .state("s")
              .build();

      var client = EidTokenClient.tokenResponseClient(EidTokenClient.signingKey(pem, "ykien-2026"));
      var token =
          client.getTokenResponse(
              new OAuth2AuthorizationCodeGrantRequest(registration, new OAuth2AuthorizationExchange(request, response)));

      assertThat(token.getAccessToken().getTokenValue()).isEqualTo("at");
      Map<String, String> form = form(received.get());
      assertThat(form)
          .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
          .containsEntry("code", "the-code")
          .doesNotContainKey("client_secret");
      SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
      assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
      assertThat(assertion.getHeader().getKeyID()).isEqualTo("ykien-2026");
      assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("ykien-web");
      assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("ykien-web");
      assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(tokenUri);
    } finally {
      provider.stop(0);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return fields;
  }
}
