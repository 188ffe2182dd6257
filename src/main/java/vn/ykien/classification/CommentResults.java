package vn.ykien.classification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.ykien.units.Unit;

/**
 * What people's comments say, in aggregate only, for a unit at commune level or above and a
 * citizen group: per item, how many people commented and the stances of their comments; the
 * campaigns of copied comments; how many people wrote only outside the draft, or nothing readable
 * (null when suppressed). A count of fewer than {@code k} people is never shown, nor one
 * whose complement (the rest of the unit, or of the unit above) is fewer than k but not none.
 */
public record CommentResults(
    int k,
    List<ItemResult> items,
    @Nullable Integer outsideDraft,
    @Nullable Integer unclear,
    List<CampaignResult> campaigns) {

  public CommentResults {
    items = List.copyOf(items);
    campaigns = List.copyOf(campaigns);
  }

  /**
   * @param people distinct people whose comments concern the item; null when suppressed
   * @param stances people per stance of their comment; empty when suppressed
   */
  public record ItemResult(long itemId, @Nullable Integer people, Map<CommentStance, Integer> stances) {

    public boolean suppressed() {
      return people == null;
    }

    /** The share of people with this stance, in percent. */
    public double percent(CommentStance stance) {
      return people == null || people == 0 ? 0 : 100.0 * stances.getOrDefault(stance, 0) / people;
    }
  }

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
