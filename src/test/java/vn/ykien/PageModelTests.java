package vn.ykien;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo's banner follows the demo profile however it is chosen. */
class PageModelTests {

  @Test
  void theDemoAsTheDefaultProfileCountsAsTheDemo() {
    var started = new MockEnvironment();
    started.setDefaultProfiles("demo");

    assertThat(new PageModel(started).demoProfile()).isTrue();
  }

  @Test
  void anotherProfileIsNotTheDemo() {
    var production = new MockEnvironment();
    production.setActiveProfiles("prod");

    assertThat(new PageModel(production).demoProfile()).isFalse();
  }
}
