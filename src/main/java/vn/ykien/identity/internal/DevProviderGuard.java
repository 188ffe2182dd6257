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
  }

  static void refuseInProduction(String[] activeProfiles) {
    if (Arrays.asList(activeProfiles).contains("prod")) {
      throw new IllegalStateException(
          "The demo profile (development e-ID provider, demo data, demo keys) cannot run with the"
              + " prod profile");
    }
  }
}
