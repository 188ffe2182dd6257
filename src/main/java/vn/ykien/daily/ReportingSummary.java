package vn.ykien.daily;

import java.util.List;

/**
 * A unit's daily reporting over a whole consultation, for its final report: its own reports, those
 * of the units below, and what its officers reported doing, as confirmed (the latest version of
 * each day's report).
 *
 * @param days days the unit confirmed a report for
 * @param belowConfirmed reports of the units below confirmed (a unit and day counted once)
 * @param belowOnTime of those, confirmed first before their due time
 * @param proposals the distinct proposals written in the unit's reports, in the order first made
 */
public record ReportingSummary(
    int days, int belowConfirmed, int belowOnTime, long meetings, long broadcasts, long visits, List<String> proposals) {

  public ReportingSummary {
    proposals = List.copyOf(proposals);
  }
}
