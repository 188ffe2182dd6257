package vn.ykien.daily;

/**
 * What an officer adds to the day's figures, as the plans ask them to report: meetings held,
 * broadcasts (loudspeakers, Zalo groups), households visited; difficulties; proposals. The figures
 * of participation are never among them: they come from the snapshot.
 */
public record OutreachLines(int meetings, int broadcasts, int visits, String difficulties, String proposals) {

  public static final int MAX_TEXT = 2000;

  public OutreachLines {
    difficulties = difficulties.strip();
    proposals = proposals.strip();
  }

  /** The message key of what is wrong with these lines, or null when they can be kept. */
  public @org.jspecify.annotations.Nullable String problem() {
    if (meetings < 0 || broadcasts < 0 || visits < 0) {
      return "daily.report.negative";
    }
    if (meetings > 100_000 || broadcasts > 100_000 || visits > 1_000_000) {
      return "daily.report.tooMany";
    }
    if (difficulties.length() > MAX_TEXT || proposals.length() > MAX_TEXT) {
      return "daily.report.tooLong";
    }
    return null;
  }
}
