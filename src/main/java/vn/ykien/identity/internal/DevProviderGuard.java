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

  /**
   * What only a real deployment configures: its own keys, a real e-ID provider. The demo lets
   * anyone sign in as anyone, so it never runs beside them.
   */
  static final java.util.List<String> PRODUCTION_SETTINGS =
      java.util.List.of(
          "YKIEN_PSEUDONYM_KEY",
          "YKIEN_RECEIPT_KEY",
          "YKIEN_AUDIT_KEY",
          "YKIEN_SNAPSHOT_KEY",
          "YKIEN_TOTP_KEY",
          "YKIEN_CLASSIFICATION_KEY",
          "YKIEN_MIXER_KEY",
          "YKIEN_MIXER_PUBLIC_KEY",
          "spring.security.oauth2.client.provider.eid.issuer-uri",
          "spring.security.oauth2.resourceserver.jwt.issuer-uri",
          "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
          "spring.security.oauth2.resourceserver.jwt.public-key-location");

  DevProviderGuard(Environment environment) {
    refuseInProduction(environment.getActiveProfiles());
    refuseWithProductionSettings(
        PRODUCTION_SETTINGS.stream().filter(name -> !environment.getProperty(name, "").isBlank()).toList());
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

  /** Refuses to start when any production setting is configured (by name, never its value). */
  static void refuseWithProductionSettings(java.util.List<String> configured) {
    if (!configured.isEmpty()) {
      throw new IllegalStateException(
          "The demo profile (anyone may sign in as anyone) cannot run with production settings: "
              + String.join(", ", configured)
              + ". Start with SPRING_PROFILES_ACTIVE=prod, or remove them to run the demo.");
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
