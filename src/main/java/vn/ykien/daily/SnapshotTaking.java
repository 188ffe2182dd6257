package vn.ykien.daily;

import java.time.Instant;

/** What asking for a level's snapshot of a day came to. */
public sealed interface SnapshotTaking {

  /** Taken now. */
  record Taken(Snapshot snapshot, long millis) implements SnapshotTaking {}

  /** Taken before (by this server or another): the same snapshot, unchanged. */
  record AlreadyTaken(Snapshot snapshot) implements SnapshotTaking {}

  /** The cut-off has not passed yet (with the minute submissions are given to commit). */
  record NotYet(Instant cutOff) implements SnapshotTaking {}

  /** Another server is taking a snapshot of this consultation right now. */
  record Busy() implements SnapshotTaking {}
}
