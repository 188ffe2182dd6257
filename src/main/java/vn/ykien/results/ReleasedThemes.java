package vn.ykien.results;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.ykien.units.Unit;

/**
 * The themes of each item's comments and the campaigns of copied comments in a unit, as a
 * release published them: for the nation and the provinces only, from everyone's comments. A
 * unit's themes of an item (its campaigns) are published afresh only when at least k people more
 * have commented on the item (at all) there since they were last published; until then the last
 * ones stay, so that comparing two views never isolates a few people's comments.
 *
 * @param publishedAt when the shown themes and campaigns were computed, null when never
 */
public record ReleasedThemes(@Nullable Instant publishedAt, Map<Long, List<Theme>> byItem, List<Campaign> campaigns) {

  public ReleasedThemes {
    byItem = Map.copyOf(byItem);
    campaigns = List.copyOf(campaigns);
  }

  public static final ReleasedThemes NONE = new ReleasedThemes(null, Map.of(), List.of());

  public List<Theme> of(long itemId) {
    return byItem.getOrDefault(itemId, List.of());
  }

  /**
   * A theme: at least k people; its distinctive terms; up to three of its most central wordings
   * among those at least k people sent.
   */
  public record Theme(int people, List<String> terms, List<String> representatives) {}

  /**
   * A campaign: comments with (nearly) the same wording from at least k people.
   *
   * @param text the exact wording most people sent, when at least k did
   * @param peakCommune the commune where most of it arrived in one day (when at least k)
   * @param concentrated whether that peak is half the campaign or more, or 100 comments or more
   */
  public record Campaign(
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
