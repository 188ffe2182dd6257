package vn.ykien.results;

import java.time.Instant;
import java.util.Map;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.classification.CommentStance;
import vn.ykien.consultation.DraftItem;
import vn.ykien.units.Unit;

/**
 * What the latest release shows of a unit's comments, for everyone or one group (one breakdown's
 * value, never crossed): per item, the people who commented on it and how many of them took each
 * stance; among everyone who commented, those who wrote only outside the draft and those who wrote
 * nothing readable. A figure the release hides is absent (or null): fewer than k people, or one
 * that would give such a figure away, now or against an earlier release.
 *
 * @param breakdown the group's breakdown, null for everyone
 * @param value the group's value of it, null for everyone
 */
public record ReleasedComments(
    Unit unit,
    int release,
    Instant releasedAt,
    int k,
    @Nullable Breakdown breakdown,
    @Nullable String value,
    List<ItemComments> items,
    Share outsideDraft,
    Share unclear) {

  public ReleasedComments {
    items = List.copyOf(items);
  }

  /**
   * One item: the people who commented on it and, per stance shown, how many of them it is the
   * stance of (one per person: that of their comment on the item itself, else of the comment that
   * concerns the item most; the stances add up to the people).
   */
  public record ItemComments(DraftItem item, long people, Map<CommentStance, Long> stances) {

    public ItemComments {
      stances = Map.copyOf(stances);
    }

    public boolean shown(CommentStance stance) {
      return stances.containsKey(stance);
    }

    /** The share of the item's commenters who took the stance, in percent; null where hidden. */
    public @Nullable Double percent(CommentStance stance) {
      Long count = stances.get(stance);
      return count == null || people == 0 ? null : 100.0 * count / people;
    }
  }

  /** Among the people who commented at all, how many have a trait; null where hidden. */
  public record Share(long commenters, @Nullable Long people) {}
}
