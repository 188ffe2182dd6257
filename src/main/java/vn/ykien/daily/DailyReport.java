package vn.ykien.daily;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One confirmed version of a unit's report of a day. */
public record DailyReport(
    long id,
    long consultationId,
    long unitId,
    LocalDate day,
    int version,
    long snapshotId,
    OutreachLines lines,
    @Nullable String reason,
    String confirmedBy,
    Instant confirmedAt,
    Instant dueAt) {

  /** Confirmed after its due time: accepted, and marked so. */
  public boolean late() {
    return confirmedAt.isAfter(dueAt);
  }
}
