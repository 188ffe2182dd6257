package vn.ykien.identity.internal;

import java.util.Arrays;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The development e-ID provider lets anyone sign in as anyone: it must never run in production.
 * With the {@code prod} profile active, the demo profile (and with it the provider) refuses to start.
 */
@Component
@Profile("demo")
class DevProviderGuard {

  DevProviderGuard(Environment environment) {
    refuseInProduction(environment.getActiveProfiles());
    refuseOnAnExternalDatabase(
        environment.getProperty("spring.datasource.url", ""),
        environment.getProperty("ykien.demo.allow-external-database", Boolean.class, false));
  }

  /**
   * An external database is where real data lives: the demo (which loads synthetic people and lets
   * anyone sign in as anyone) runs there only when explicitly allowed.
   */
  static void refuseOnAnExternalDatabase(String databaseUrl, boolean allowed) {
    if (!databaseUrl.isBlank() && !allowed) {
      throw new IllegalStateException(
          "The demo profile is active on an external database ("
              + databaseUrl
              + "). Start with SPRING_PROFILES_ACTIVE=prod for real data, or set"
              + " YKIEN_DEMO_ON_EXTERNAL_DB=true to load the demo there on purpose.");
    }
  }

  static void refuseInProduction(String[] activeProfiles) {
    if (Arrays.asList(activeProfiles).contains("prod")) {
      throw new IllegalStateException(
          "The demo profile (development e-ID provider, demo data, demo keys) cannot run with the"
              + " prod profile");
    }
  }
}
