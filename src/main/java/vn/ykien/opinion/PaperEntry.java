package vn.ykien.opinion;

/** What came of an officer typing a paper form (four eyes: {@link PaperForms}). */
public sealed interface PaperEntry {

  /** The first entry is stored; the form counts when a second officer types it alike. */
  record AwaitingSecondEntry(String reference) implements PaperEntry {}

  /** The second entry agreed with the first: the form counts from now, under this receipt. */
  record Confirmed(String reference, String firstEnteredBy, Receipt receipt) implements PaperEntry {}

  /** The officer who typed the form first cannot confirm it: a second officer must. */
  record SameOfficer(String reference) implements PaperEntry {}

  /**
   * The second entry differs from the first (answers, comments or the person): nothing counts;
   * both officers look at the paper form again. Which part differs is not said.
   */
  record DoesNotMatch(String reference, String firstEnteredBy) implements PaperEntry {}

  /** The first entry was made at a unit outside the confirming officer's area. */
  record OutsideArea(String reference) implements PaperEntry {}

  /** The form cannot count at all (not eligible, entered already, invalid…): nothing is stored. */
  record Refused(SubmissionResult result) implements PaperEntry {}
}
