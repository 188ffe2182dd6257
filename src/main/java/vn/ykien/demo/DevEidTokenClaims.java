package vn.ykien.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import vn.ykien.identity.EidClaims;
import vn.ykien.registry.Residents;
import vn.ykien.shared.CitizenId;

/**
 * What the development e-ID provider asserts about the person chosen on its page: their personal
 * id, and the assurance level of their e-ID account as the registry records it — as the national
 * platform would from its own records.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DevEidTokenClaims {

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> eidClaims(Residents residents) {
    return context -> {
      boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
      if (!idToken && !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        return;
      }
      String name = context.getPrincipal().getName();
      if (!CitizenId.isValid(name)) {
        return;
      }
      residents
          .find(CitizenId.of(name))
          .ifPresent(
              resident -> {
                Integer level = resident.eidAccount().level();
                context.getClaims().claim(EidClaims.CITIZEN_ID, name);
                context
                    .getClaims()
                    .claim(EidClaims.ACR, EidClaims.LEVEL_PREFIX + (level == null ? 0 : level));
              });
    };
  }
}
