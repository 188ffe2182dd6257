package vn.ykien.results.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.results.Release;

/**
 * Releases results at scheduled times (ykien.results.release-cron, Vietnam time; "-" for none),
 * for every consultation open or about to open, and as soon as a consultation without one has
 * answers counted. With several servers, one of them publishes each release (an advisory lock).
 */
@Component
@ConditionalOnProperty(name = "ykien.cli", havingValue = "false", matchIfMissing = true)
class ReleaseSchedule {

  private static final Logger log = LoggerFactory.getLogger(ReleaseSchedule.class);

  private final Releases releases;
  private final Consultations consultations;
  private final Clock clock;
  private final boolean atStart;

  ReleaseSchedule(
      Releases releases,
      Consultations consultations,
      Clock clock,
      @Value("${ykien.results.release-at-start:true}") boolean atStart) {
    this.releases = releases;
    this.consultations = consultations;
    this.clock = clock;
    this.atStart = atStart;
  }

  @Scheduled(cron = "${ykien.results.release-cron:0 0 * * * *}", zone = "Asia/Ho_Chi_Minh")
  void release() {
    for (Consultation consultation : consultations.openOrUpcoming(clock.instant())) {
      publish(consultation);
    }
  }

  /**
   * Until a consultation has a release with answers in it (and one with comments, once any are
   * classified), tries every minute: at start the demo's (or a restored database's) opinions are
   * still being mixed, counted and classified, and a release of nothing would leave the results
   * empty until the next scheduled time.
   */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT20S")
  void first() {
    if (!atStart) {
      return;
    }
    for (Consultation consultation : consultations.openOrUpcoming(clock.instant())) {
      var latest = releases.latest(consultation.id());
      boolean noAnswers = latest.filter(p -> p.items() > 0).isEmpty();
      boolean noComments = latest.filter(p -> p.commentCells() > 0).isEmpty();
      if ((noAnswers && releases.hasAnswers(consultation.id()))
          || (noComments && releases.hasComments(consultation.id()))) {
        publish(consultation);
      }
    }
  }

  private void publish(Consultation consultation) {
    try {
      if (releases.publish(consultation.id()) instanceof Release.Published p) {
        log.info(
            "Results of {} released: release {}, {} items, {} of {} cells hidden, {} items withheld;"
                + " comment tables: {} of {} cells hidden; {} ms",
            consultation.slug(), p.number(), p.items(), p.hidden(), p.cells(), p.withheldItems(), p.commentHidden(),
            p.commentCells(), p.millis());
      }
    } catch (RuntimeException e) {
      // The previous release stays; the next scheduled time tries again.
      log.error("Results of {} could not be released", consultation.slug(), e);
    }
  }
}
