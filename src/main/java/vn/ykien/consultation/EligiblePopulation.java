package vn.ykien.consultation;

import java.util.Collection;
import java.util.Optional;

/**
 * How many people may take part, per unit: frozen when the consultation opens (the snapshot, a
 * stable denominator for participation rates) and as the registry says now (live). Counts the
 * same people as {@link Eligibility} admits: an activated level-2 account, old enough on the
 * opening day, living in the consultation's scope.
 */
public interface EligiblePopulation {

  /** Takes the snapshot of a consultation that has opened, once; later calls change nothing. */
  SnapshotOutcome takeSnapshot(Consultation consultation);

  /** Takes the snapshot of every consultation that is open now and has none yet. */
  int takeDueSnapshots();

  /** When the snapshot was taken and how many it counted in all, if it was. */
  Optional<Snapshot> snapshot(Consultation consultation);

  /** Frozen at opening: the sum over these units (0 for units without eligible people). */
  long atOpening(Consultation consultation, Collection<Long> unitIds);

  /** Live: the registry as it is now, with the consultation's opening day and scope. */
  long now(Consultation consultation, Collection<Long> unitIds);

  /** Frozen at opening, per lowest unit (empty before the snapshot). */
  java.util.Map<Long, Long> atOpeningPerUnit(Consultation consultation);

  /**
   * Live, per lowest unit: one pass over the registry, for a refresh off the request path (never
   * on a page view).
   */
  java.util.Map<Long, Long> nowPerUnit(Consultation consultation);

  record Snapshot(java.time.Instant takenAt, long eligible) {}

  sealed interface SnapshotOutcome {
    record Taken(Snapshot snapshot, int units) implements SnapshotOutcome {}

    record AlreadyTaken(Snapshot snapshot) implements SnapshotOutcome {}

    record NotOpenYet() implements SnapshotOutcome {}

    /**
     * Closed without a snapshot (the platform was not running while it was open): today's
     * registry would not be the population at opening, so none is taken.
     */
    record ClosedWithoutSnapshot() implements SnapshotOutcome {}
  }
}
