package vn.ykien;

import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, every minute, the stored events a listener has not completed for a minute (it
 * failed, or its server stopped): without this they would wait for the next restart. Listeners
 * apply an event once (reporting records event ids, classification an opinion's revision), so a
 * repeat changes nothing.
 */
@Component
class EventRetries {

  private final IncompleteEventPublications incomplete;

  EventRetries(IncompleteEventPublications incomplete) {
    this.incomplete = incomplete;
  }

  @Scheduled(fixedDelayString = "${ykien.events.retry-every:PT1M}", initialDelayString = "PT1M")
  void retry() {
    incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
  }
}
