package vn.ykien.results;

/** What asking for a unit's released comment figures found. */
public sealed interface CommentsLookup {

  record Found(ReleasedComments comments) implements CommentsLookup {}

  /** Content figures are for communes and above; a village's are never shown. */
  record BelowCommune() implements CommentsLookup {}

  /** No release of this consultation's results yet. */
  record NotReleasedYet() implements CommentsLookup {}

  /**
   * A group of a unit that publishes its total only (a commune: no units below it show content),
   * so its groups' figures are not released.
   */
  record TotalOnly() implements CommentsLookup {}

  /** The group asked for is none the comment tables are broken down by (e.g. a channel). */
  record UnknownGroup() implements CommentsLookup {}
}
