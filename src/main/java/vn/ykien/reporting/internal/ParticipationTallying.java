package vn.ykien.reporting.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ykien.opinion.OpinionSubmitted;
import vn.ykien.opinion.OpinionWithdrawn;

/**
 * Keeps the participation tallies from opinion events. Events are stored with the opinion in the
 * same transaction and retried until handled, so a crash loses no count; each event's id is
 * recorded with the count it changed, so a retry never counts twice.
 */
@Component
class ParticipationTallying {

  private final TallyStore tallies;

  ParticipationTallying(TallyStore tallies) {
    this.tallies = tallies;
  }

  @ApplicationModuleListener
  void on(OpinionSubmitted event) {
    // Delivered again after a crash between counting and marking the event done: count it once.
    if (!tallies.firstTime(event.id())) {
      return;
    }
    if (event.isFirstParticipation()) {
      tallies.add(event.consultationId(), event.unitId(), event.channel(), 1);
    } else if (event.movesParticipant()) {
      tallies.add(event.consultationId(), event.previousUnitId(), event.previousChannel(), -1);
      tallies.add(event.consultationId(), event.unitId(), event.channel(), 1);
    }
  }

  @ApplicationModuleListener
  void on(OpinionWithdrawn event) {
    if (!tallies.firstTime(event.id())) {
      return;
    }
    tallies.add(event.consultationId(), event.unitId(), event.channel(), -1);
  }
}
