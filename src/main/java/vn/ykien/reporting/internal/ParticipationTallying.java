package vn.ykien.reporting.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ykien.opinion.OpinionSubmitted;
import vn.ykien.opinion.OpinionWithdrawn;

/**
 * Keeps the participation tallies from opinion events. Events are stored with the opinion in the
 * same transaction and retried until handled, so a crash loses no count.
 */
@Component
class ParticipationTallying {

  private final TallyStore tallies;

  ParticipationTallying(TallyStore tallies) {
    this.tallies = tallies;
  }

  @ApplicationModuleListener
  void on(OpinionSubmitted event) {
    if (event.isFirstParticipation()) {
      tallies.add(event.consultationId(), event.unitId(), event.channel(), 1);
    } else if (event.movesParticipant()) {
      tallies.add(event.consultationId(), event.previousUnitId(), event.previousChannel(), -1);
      tallies.add(event.consultationId(), event.unitId(), event.channel(), 1);
    }
  }

  @ApplicationModuleListener
  void on(OpinionWithdrawn event) {
    tallies.add(event.consultationId(), event.unitId(), event.channel(), -1);
  }
}
