package vn.ykien.daily;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.units.Unit;

/**
 * Which units below have confirmed their report of a day, as DHIS2 counts reporting rates
 * (expected, received, on time) but against a clock time: the due time of each one's report.
 */
public record Completeness(List<Row> rows) {

  public Completeness {
    rows = List.copyOf(rows);
  }

  public enum Status {
    ON_TIME,
    LATE,
    /** Not confirmed, and its due time has passed. */
    MISSING,
    /** Not confirmed, and still before its due time. */
    NOT_YET
  }

  /** A unit below, lagging ones first. */
  public record Row(Unit unit, Status status, @Nullable Instant confirmedAt, int version, Instant dueAt, int reminders) {}

  public int expected() {
    return rows.size();
  }

  public long received() {
    return rows.stream().filter(r -> r.status() == Status.ON_TIME || r.status() == Status.LATE).count();
  }

  public long onTime() {
    return rows.stream().filter(r -> r.status() == Status.ON_TIME).count();
  }

  /** Received of expected, in percent; null when none is expected. */
  public @Nullable Double reportingRate() {
    return rows.isEmpty() ? null : 100.0 * received() / rows.size();
  }

  /** On time of expected, in percent; null when none is expected. */
  public @Nullable Double timeliness() {
    return rows.isEmpty() ? null : 100.0 * onTime() / rows.size();
  }
}
