package vn.ykien.opinion;

import java.util.List;
import java.util.Optional;

/**
 * A module that follows one of the opinion logs ({@link #log()}): {@link OpinionLogReaders} hands it the next batch of
 * changes in a transaction that also stores its position, so that each change is applied exactly
 * once, across crashes and servers. A reader names itself, says where its position is kept and
 * applies changes; the rest comes from its {@link ReaderPositions}.
 */
public interface OpinionLogReader {

  /** The reader's name, unique among readers: where its position is kept. */
  String name();

  /** The log the reader follows: the opinion log (content) unless it says otherwise. */
  default LogKind log() {
    return LogKind.CONTENT;
  }

  /** The reader's position and parked changes, in its own module's tables. */
  ReaderPositions positions();

  /**
   * The largest share of its thread's time the reader may spend applying batches while the
   * machine's CPU is busy (over 75 % in use), between 0 (exclusive) and 1: after a batch that cost
   * its thread c of CPU, a reader with share s rests c × (1 − s) / s before the next. Readers doing
   * costly work (classification) on the submissions' cores keep their part bounded during a surge
   * and catch up at full speed when the CPU is idle; 1: never rests.
   */
  default double share() {
    return 1.0;
  }

  /** Applies the changes, in log order, in the caller's transaction. */
  void apply(List<OpinionChange> changes);

  /** The reader's position, locked for this transaction; empty when another server holds it. */
  default Optional<LogPosition> lockPosition() {
    return positions().lock(name());
  }

  /** The reader's position as last committed (for lag and tests; no lock). */
  default LogPosition position() {
    return positions().read(name());
  }

  /** Moves the position, in the caller's transaction. */
  default void savePosition(LogPosition position) {
    positions().save(name(), position);
  }

  /** Records a change the reader could not apply, with the reason, in the caller's transaction. */
  default void park(OpinionChange change, String reason) {
    positions().park(name(), change, reason);
  }

  /** How many changes this reader parked. */
  default long parked() {
    return positions().parked(name());
  }

  /** The latest changes this reader parked, with their reasons. */
  default List<ReaderPositions.ParkedChange> parkedChanges(int limit) {
    return positions().parkedChanges(name(), limit);
  }
}
