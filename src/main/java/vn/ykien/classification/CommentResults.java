package vn.ykien.classification;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.units.Unit;

/**
 * What people's comments say, in aggregate only, for a unit at commune level or above: the themes
 * of an item's comments and the campaigns of copied comments, each of at least k people. Counts of
 * people per item and stance are published by results' releases, protected with the answers.
 */
public final class CommentResults {

  private CommentResults() {}

  /**
   * A theme among an item's comments: at least k people; its distinctive terms; up to three of its
   * most central wordings among those at least k people sent (a text one person wrote is never
   * shown: a phrase someone was told to write would prove they wrote it).
   */
  public record ThemeResult(int people, List<String> terms, List<String> representatives) {}

  /**
   * A campaign: comments with (nearly) the same wording from at least k people.
   *
   * @param text the exact wording the most people of the unit and group sent, when at least k
   *     did; null when the copies vary more than that (one person's text is never shown)
   * @param peakComments the most comments of it that arrived in one commune of the unit in one
   *     day (content is never dated closer), when at least k (arrivals, revisions included); null
   *     under a group filter or below k
   * @param concentrated whether that peak is half the campaign or more, or 100 comments or more:
   *     copies sent together
   */
  public record CampaignResult(
      long id,
      @Nullable String text,
      int people,
      int communes,
      LocalDate firstDay,
      LocalDate lastDay,
      @Nullable Unit peakCommune,
      @Nullable LocalDate peakDay,
      @Nullable Integer peakComments,
      boolean concentrated) {}
}
