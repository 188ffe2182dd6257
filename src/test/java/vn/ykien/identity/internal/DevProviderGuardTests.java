package vn.ykien.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class DevProviderGuardTests {

  @Test
  void theDevelopmentProviderRefusesToStartInProduction() {
    assertThatIllegalStateException()
        .isThrownBy(() -> DevProviderGuard.refuseInProduction(new String[] {"demo", "prod"}))
        .withMessageContaining("prod");
  }

  @Test
  void theDevelopmentProviderStartsInTheDemo() {
    assertThatCode(() -> DevProviderGuard.refuseInProduction(new String[] {"demo", "test"}))
        .doesNotThrowAnyException();
  }

  @Test
  void theDemoRefusesToRunBesideProductionKeysOrARealEidProvider() {
    for (String setting : DevProviderGuard.PRODUCTION_SETTINGS) {
      var environment = new org.springframework.mock.env.MockEnvironment().withProperty(setting, "configured");
      environment.setActiveProfiles("demo");
      assertThatIllegalStateException()
          .isThrownBy(() -> new DevProviderGuard(environment))
          .withMessageContaining(setting)
          .withMessageNotContaining("configured");
    }
    var demo = new org.springframework.mock.env.MockEnvironment();
    demo.setActiveProfiles("demo");
    assertThatCode(() -> new DevProviderGuard(demo)).doesNotThrowAnyException();
  }

  @Test
  void aDeploymentsApiRefusesToStartWithoutAnAudience() {
    assertThatIllegalStateException()
        .isThrownBy(() -> SecurityConfiguration.requireAudience(""))
        .withMessageContaining("audiences");
    assertThatCode(() -> SecurityConfiguration.requireAudience("ykien-api")).doesNotThrowAnyException();
  }

  @Test
  void theDemoRefusesAnExternalDatabaseUnlessAllowedOnPurpose() {
    assertThatIllegalStateException()
        .isThrownBy(
            () -> DevProviderGuard.refuseOnAnExternalDatabase("jdbc:postgresql://db/ykien", false))
        .withMessageContaining("SPRING_PROFILES_ACTIVE=prod");
    assertThatCode(() -> DevProviderGuard.refuseOnAnExternalDatabase("jdbc:postgresql://db/ykien", true))
        .doesNotThrowAnyException();
    assertThatCode(() -> DevProviderGuard.refuseOnAnExternalDatabase("", false))
        .doesNotThrowAnyException();
  }
}
