package vn.ykien.identity.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.ykien.identity.EidClaims;
import vn.ykien.identity.SignedInCitizen;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.shared.CitizenId;

/**
 * Lets controllers take {@link SignedInCitizen} or {@link SignedInOfficial} as parameters, read
 * from the e-ID token (web session or API bearer token) or the official's account. Null when the
 * request carries no such identity; the security rules make sure protected routes have one.
 */
@Configuration(proxyBeanMethods = false)
class SignedInArguments implements WebMvcConfigurer {

  private final ObjectProvider<Officials> officials;

  SignedInArguments(ObjectProvider<Officials> officials) {
    this.officials = officials;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CitizenResolver());
    resolvers.add(new OfficialResolver());
  }

  static @Nullable SignedInCitizen citizen(@Nullable Authentication authentication) {
    if (authentication == null) {
      return null;
    }
    String citizenId = null;
    String acr = null;
    if (authentication.getPrincipal() instanceof OidcUser user) {
      citizenId = user.getClaimAsString(EidClaims.CITIZEN_ID);
      acr = user.getClaimAsString(EidClaims.ACR);
    } else if (authentication instanceof JwtAuthenticationToken token) {
      citizenId = token.getToken().getClaimAsString(EidClaims.CITIZEN_ID);
      acr = token.getToken().getClaimAsString(EidClaims.ACR);
    }
    if (!CitizenId.isValid(citizenId)) {
      return null;
    }
    return new SignedInCitizen(CitizenId.of(citizenId), EidClaims.level(acr));
  }

  private static final class CitizenResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == SignedInCitizen.class;
    }

    @Override
    public @Nullable Object resolveArgument(
        MethodParameter parameter,
        @Nullable ModelAndViewContainer container,
        NativeWebRequest request,
        @Nullable WebDataBinderFactory binderFactory) {
      return citizen(SecurityContextHolder.getContext().getAuthentication());
    }
  }

  private final class OfficialResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == SignedInOfficial.class;
    }

    @Override
    public @Nullable Object resolveArgument(
        MethodParameter parameter,
        @Nullable ModelAndViewContainer container,
        NativeWebRequest request,
        @Nullable WebDataBinderFactory binderFactory) {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication == null
          || !authentication.isAuthenticated()
          || authentication.getAuthorities().stream()
              .noneMatch(a -> ("ROLE_" + SecurityConfiguration.OFFICIAL).equals(a.getAuthority()))) {
        return null;
      }
      Officials accounts = officials.getObject();
      // Read the account on every request: a deactivated account stops at once.
      if (authentication.getPrincipal() instanceof OidcUser user) {
        String citizenId = user.getClaimAsString(EidClaims.CITIZEN_ID);
        return citizenId == null ? null : accounts.signedInByCitizenId(citizenId).orElse(null);
      }
      return accounts.signedIn(authentication.getName()).orElse(null);
    }
  }
}
