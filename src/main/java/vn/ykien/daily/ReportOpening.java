package vn.ykien.daily;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What opening a unit's report of a day came to. */
public sealed interface ReportOpening {

  /**
   * The report, its figures frozen: the unit's row of its level's snapshot (and the units below
   * it), the day before's for comparison, the versions confirmed so far, the reminders received.
   */
  record Ready(
      UnitSnapshot figures,
      List<UnitSnapshot> below,
      @Nullable UnitSnapshot dayBefore,
      List<DailyReport> versions,
      Instant dueAt,
      List<Instant> remindedAt)
      implements ReportOpening {

    public Ready {
      below = List.copyOf(below);
      versions = List.copyOf(versions);
      remindedAt = List.copyOf(remindedAt);
    }

    public @Nullable DailyReport latest() {
      return versions.isEmpty() ? null : versions.getLast();
    }

    /** People who took part since the day before's cut-off; null on the first day. */
    public @Nullable Long newPeople() {
      return dayBefore == null ? null : figures.people() - dayBefore.people();
    }

    /** The rate's change since the day before, in percentage points; null when either has none. */
    public @Nullable Double rateChange() {
      Double now = figures.ratePercent();
      Double before = dayBefore == null ? null : dayBefore.ratePercent();
      return now == null || before == null ? null : now - before;
    }
  }

  /** The level's cut-off has not passed yet: the figures are not frozen. */
  record NotFrozenYet(Instant cutOff) implements ReportOpening {}

  /** The unit is not at a level that reports daily (a district of an older edition). */
  record NotReporting() implements ReportOpening {}
}
