package vn.ykien.results;

/** What asking for a unit's results found. */
public sealed interface ResultsLookup {

  record Found(UnitResults results) implements ResultsLookup {}

  /** Content figures are for communes and above; a village's are never shown. */
  record BelowCommune() implements ResultsLookup {}

  /** No release of this consultation's results yet. */
  record NotReleasedYet() implements ResultsLookup {}
}
