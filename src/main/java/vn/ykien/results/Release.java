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
   * @param commentCells stance cells of the comment tables with at least one person
   * @param commentHidden how many of them are hidden
   */
  record Published(
      long consultationId,
      int number,
      Instant at,
      int items,
      long cells,
      long hidden,
      int withheldItems,
      long millis,
      long commentCells,
      long commentHidden)
      implements Release {

    public double hiddenShare() {
      return cells == 0 ? 0 : (double) hidden / cells;
    }
  }

  /** Another server is publishing this consultation's release now. */
  record Busy(long consultationId) implements Release {}
}
