package vn.ykien.results;

import java.time.Instant;

/** What publishing a release of a consultation's results did. */
public sealed interface Release {

  /**
   * A release is out.
   *
   * @param cells stance cells with at least one answer, over every item, unit and group
   * @param hidden how many of them are hidden
   * @param withheldItems items whose split is withheld everywhere (no safe pattern was found)
   */
  record Published(long consultationId, int number, Instant at, int items, long cells, long hidden, int withheldItems, long millis)
      implements Release {

    public double hiddenShare() {
      return cells == 0 ? 0 : (double) hidden / cells;
    }
  }

  /** Another server is publishing this consultation's release now. */
  record Busy(long consultationId) implements Release {}
}
