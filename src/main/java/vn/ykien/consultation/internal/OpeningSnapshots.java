package vn.ykien.consultation.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.ykien.consultation.EligiblePopulation;

/**
 * Looks every minute for consultations that have opened without a snapshot of their eligible
 * population, and takes it. Not in the command line, which does one job and ends.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ykien.cli", havingValue = "false", matchIfMissing = true)
class OpeningSnapshots {

  private final EligiblePopulation population;

  OpeningSnapshots(EligiblePopulation population) {
    this.population = population;
  }

  @Scheduled(
      initialDelayString = "${ykien.consultation.snapshot-first-check:PT5S}",
      fixedDelayString = "${ykien.consultation.snapshot-check:PT1M}")
  void takeDueSnapshots() {
    population.takeDueSnapshots();
  }
}
