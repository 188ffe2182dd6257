package vn.ykien.identity;

/** What an official may do, within their unit and everything below it. */
public enum Permission {
  /** See participation counts and rates (aggregates; never what anyone said). */
  VIEW_PARTICIPATION,
  /** Import the population list (personal data) and read the import's report. */
  IMPORT_REGISTRY,
  /** Create officials' accounts and see the list of them. */
  MANAGE_OFFICIALS,
  /**
   * Help citizens take part: open a support point (a code for the day and the place) and enter
   * signed paper forms.
   */
  ASSIST_CITIZENS,
  /**
   * See what people said, in aggregate only: stance shares, campaigns of copied comments, per
   * item; for units at commune level or above and groups of at least ten people.
   */
  VIEW_RESULTS,
  /**
   * Improve the classification: correct the stance the model gave a comment (shown its wording
   * only), add keywords that lead comments to an item. National only: a correction relabels the
   * wording in the whole consultation and teaches the model used everywhere, and a keyword leads
   * comments to an item everywhere, so an official of one province or commune would change the
   * results of all the others.
   */
  CORRECT_CLASSIFICATION,
  /**
   * Confirm their own unit's daily report (the figures frozen at the cut-off, with the outreach
   * done, difficulties and proposals) and remind the units below whose report is missing.
   */
  REPORT_DAILY,
  /** Read the audit trail of who viewed which list of people. */
  VIEW_AUDIT;

  /** Whether only an official whose scope is the whole nation may use it, because it acts nationally. */
  public boolean nationalOnly() {
    return this == CORRECT_CLASSIFICATION;
  }
}
