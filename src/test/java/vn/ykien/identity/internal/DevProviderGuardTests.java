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
