package vn.ykien.identity.internal;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import vn.ykien.identity.SignedInOfficial;

/** The demo's official: the commune's steering group, scoped to the demo commune. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoOfficials {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService officials(
      PasswordEncoder encoder,
      @Value("${ykien.identity.demo-official.username}") String username,
      @Value("${ykien.identity.demo-official.password}") String password) {
    return new InMemoryUserDetailsManager(
        User.withUsername(username)
            .password(encoder.encode(password))
            .roles(SecurityConfiguration.OFFICIAL)
            .build());
  }

  @Bean
  OfficialScopes officialScopes(
      @Value("${ykien.identity.demo-official.username}") String username,
      @Value("${ykien.identity.demo-official.unit-edition}") String edition,
      @Value("${ykien.identity.demo-official.unit-code}") String code) {
    return name ->
        name.equals(username)
            ? Optional.of(new SignedInOfficial(username, edition, code))
            : Optional.empty();
  }
}
