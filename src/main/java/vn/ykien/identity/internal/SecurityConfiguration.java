package vn.ykien.identity.internal;

import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import vn.ykien.identity.EidClaims;

/**
 * Two doors: the API for the e-ID app and other channels (bearer tokens, stateless), and the web
 * pages (citizens sign in with their e-ID through OpenID Connect, officials with an account).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CITIZEN = "CITIZEN";
  static final String OFFICIAL = "OFFICIAL";

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/api/v1/consultations", "/api/v1/consultations/*")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain webChain(HttpSecurity http) throws Exception {
    var officials = PathPatternRequestMatcher.withDefaults().matcher("/officials/**");
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/officials/sign-in")
                    .permitAll()
                    .requestMatchers("/officials/**")
                    .hasRole(OFFICIAL)
                    .requestMatchers("/consultations/*/opinion/**", "/consultations/*/opinion", "/consultations/*/receipt")
                    .hasRole(CITIZEN)
                    .anyRequest()
                    .permitAll())
        .oauth2Login(
            login ->
                login
                    .loginPage("/sign-in")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(citizens())))
        .formLogin(
            form ->
                form.loginPage("/officials/sign-in")
                    .loginProcessingUrl("/officials/sign-in")
                    .defaultSuccessUrl("/officials", true)
                    .failureUrl("/officials/sign-in?error"))
        .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/officials/sign-in"), officials)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/sign-in"),
                        request -> true));
    return http.build();
  }

  /** A citizen signed in through the e-ID provider gets the citizen role; the claims stay. */
  private static OAuth2UserService<OidcUserRequest, OidcUser> citizens() {
    var delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
      if (user.getClaimAsString(EidClaims.CITIZEN_ID) != null) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + CITIZEN));
      }
      return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
    };
  }
}
