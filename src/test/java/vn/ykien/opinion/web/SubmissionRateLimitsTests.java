package vn.ykien.opinion.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.ykien.shared.CitizenId;

/** Each citizen and each address has its own budget per minute. */
class SubmissionRateLimitsTests {

  final CitizenId an = CitizenId.of("036085900001");
  final CitizenId binh = CitizenId.of("036312900002");

  @Test
  void aCitizenOverTheirBudgetWaitsWhileOthersGoOn() {
    var limits = new SubmissionRateLimits(3, 100);

    for (int i = 0; i < 3; i++) {
      assertThat(limits.refusal("10.0.0.1", an)).isEmpty();
    }

    assertThat(limits.refusal("10.0.0.1", an)).isPresent();
    assertThat(limits.refusal("10.0.0.1", an).getAsLong()).isBetween(1L, 60L);
    assertThat(limits.refusal("10.0.0.1", binh)).isEmpty();
  }

  @Test
  void anAddressOverItsBudgetWaitsWhateverTheCitizen() {
    var limits = new SubmissionRateLimits(100, 2);

    assertThat(limits.refusal("10.0.0.2", an)).isEmpty();
    assertThat(limits.refusal("10.0.0.2", binh)).isEmpty();

    assertThat(limits.refusal("10.0.0.2", CitizenId.of("036078900003"))).isPresent();
    assertThat(limits.refusal("10.0.0.3", an)).isEmpty();
  }
}
