package vn.ykien.daily;

import java.time.Instant;
import java.util.Map;
import vn.ykien.results.Figures;

/**
 * What a snapshot kept of a unit's opinions (communes and above): the figures of each item's
 * everyone row as the release current when it was taken showed them, hidden ones null.
 *
 * @param items per item id, in the draft's order of ids
 */
public record SnapshotContent(int release, Instant releasedAt, Map<Long, Figures> items) {

  public SnapshotContent {
    items = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(items));
  }

  /** The kept items in the draft's order (those of {@code draft} the snapshot has figures of). */
  public java.util.List<ItemOpinions> of(java.util.List<vn.ykien.consultation.DraftItem> draft) {
    return draft.stream().filter(item -> items.containsKey(item.id())).map(item -> ItemOpinions.of(item, items.get(item.id()))).toList();
  }
}
