package vn.ykien.identity.internal;

import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import vn.ykien.identity.EidClaims;
import vn.ykien.shared.CitizenId;

/**
 * Two doors: the API for the e-ID app and other channels (bearer tokens, stateless), and the web
 * pages (citizens sign in with their e-ID through OpenID Connect, officials with an account).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

  static final String CITIZEN = "CITIZEN";
  static final String OFFICIAL = "OFFICIAL";

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      ObjectProvider<ApiTokens> apiTokens,
      ObjectProvider<JwtDecoder> decoders,
      MessageSource messages,
      org.springframework.core.env.Environment environment)
      throws Exception {
    var unauthorized = new ProblemEntryPoint(messages);
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/consultations",
                        "/api/v1/consultations/*",
                        "/api/v1/consultations/*/results",
                        "/api/v1/consultations/*/results/*",
                        "/api/v1/receipts/*",
                        "/api/v1/openapi.json",
                        "/api/v1/openapi.json/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized));
    // The demo's provider gives the API its own decoder (with the audience check); a deployment
    // configures Boot's (spring.security.oauth2.resourceserver.jwt.*, with audiences).
    ApiTokens own = apiTokens.getIfAvailable();
    JwtDecoder decoder = own != null ? own.decoder() : decoders.getIfAvailable();
    boolean deploymentTokens =
        java.util.stream.Stream.of("issuer-uri", "jwk-set-uri", "public-key-location")
            .anyMatch(key -> !environment.getProperty("spring.security.oauth2.resourceserver.jwt." + key, "").isBlank());
    if (own == null && deploymentTokens) {
      requireAudience(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences", ""));
    }
    if (decoder != null) {
      http.oauth2ResourceServer(
          server -> server.jwt(jwt -> jwt.decoder(decoder)).authenticationEntryPoint(unauthorized));
    }
    return http.build();
  }

  /**
   * A deployment's API accepts only tokens issued for it: without an audience, any token of the
   * same e-ID provider (issued to another service) would do. It refuses to start instead.
   */
  static void requireAudience(String audiences) {
    if (audiences.isBlank()) {
      throw new IllegalStateException(
          "The API's token check has no audience: set spring.security.oauth2.resourceserver.jwt.audiences"
              + " (e.g. ykien-api), so that tokens the e-ID provider issued to other services are refused");
    }
  }

  @Bean
  @Order(3)
  SecurityFilterChain webChain(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> eidProviders,
      DaoAuthenticationProvider officialAuthentication,
      Officials accounts,
      OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> eidTokenResponseClient,
      MessageSource messages)
      throws Exception {
    var officials = PathPatternRequestMatcher.withDefaults().matcher("/officials/**");
    var citizenPages = PathPatternRequestMatcher.withDefaults().matcher("/consultations/**");
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/officials/sign-in", "/officials/enrol")
                    .permitAll()
                    .requestMatchers("/officials/**")
                    .hasRole(OFFICIAL)
                    .requestMatchers("/consultations/*/opinion/**", "/consultations/*/opinion", "/consultations/*/receipt", "/consultations/*/history")
                    .hasRole(CITIZEN)
                    .anyRequest()
                    .permitAll())
        .authenticationProvider(officialAuthentication)
        .addFilterBefore(new SignedInBeforeBodies(messages), org.springframework.security.web.csrf.CsrfFilter.class)
        .formLogin(
            form ->
                form.loginPage("/officials/sign-in")
                    .authenticationDetailsSource(OfficialSignIn.SignInDetails::new)
                    .loginProcessingUrl("/officials/sign-in")
                    .defaultSuccessUrl("/officials", true)
                    // A throttled address is told how long to wait; everything else reads alike.
                    .failureHandler(
                        (request, response, failure) ->
                            response.sendRedirect(
                                request.getContextPath()
                                    + switch (failure) {
                                      case OfficialSignIn.Throttled throttled ->
                                          "/officials/sign-in?wait=" + throttled.seconds();
                                      case OfficialSignIn.Busy busy -> "/officials/sign-in?busy";
                                      default -> "/officials/sign-in?error";
                                    })))
        .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/officials/sign-in"), officials)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/sign-in"), request -> true)
                    // Signed in, but not as a citizen (e.g. a sign-in left half way): sign in again.
                    .defaultAccessDeniedHandlerFor(
                        (request, response, denied) ->
                            response.sendRedirect(request.getContextPath() + "/sign-in"),
                        citizenPages));
    if (eidProviders.getIfAvailable() != null) {
      http.oauth2Login(
          login ->
              login
                  .loginPage("/sign-in")
                  .failureUrl("/sign-in?error")
                  .tokenEndpoint(token -> token.accessTokenResponseClient(eidTokenResponseClient))
                  .userInfoEndpoint(userInfo -> userInfo.oidcUserService(citizens(accounts))));
    }
    return http.build();
  }

  /**
   * A citizen signed in through the e-ID provider gets the citizen role; the claims stay. An
   * official whose account is linked to their personal id also gets the official role, when the
   * sign-in was at assurance level 2.
   */
  private static OAuth2UserService<OidcUserRequest, OidcUser> citizens(Officials officials) {
    var delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
      String citizenId = user.getClaimAsString(EidClaims.CITIZEN_ID);
      if (CitizenId.isValid(citizenId)) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + CITIZEN));
        if (EidClaims.level(user.getClaimAsString(EidClaims.ACR)) >= 2
            && officials.signedInByCitizenId(citizenId).isPresent()) {
          authorities.add(new SimpleGrantedAuthority("ROLE_" + OFFICIAL));
        }
      }
      return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
    };
  }
}
