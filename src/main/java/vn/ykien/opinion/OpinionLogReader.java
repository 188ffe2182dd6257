package vn.ykien.opinion;

import java.util.List;
import java.util.Optional;

/**
 * A module that follows the opinion log: {@link OpinionLogReaders} hands it the next batch of
 * changes in a transaction that also stores its position, so that each change is applied exactly
 * once, across crashes and servers.
 */
public interface OpinionLogReader {

  /** The reader's name, unique among readers: where its position is kept. */
  String name();

  /** The reader's position, locked for this transaction; empty when another server holds it. */
  Optional<LogPosition> lockPosition();

  /** The reader's position as last committed (for lag and tests; no lock). */
  LogPosition position();

  /** Applies the changes, in log order, in the caller's transaction. */
  void apply(List<OpinionChange> changes);

  /** Moves the position, in the caller's transaction. */
  void savePosition(LogPosition position);

  /** Records a change the reader could not apply, with the reason, in the caller's transaction. */
  void park(OpinionChange change, String reason);

  /** How many changes this reader parked. */
  long parked();
}
