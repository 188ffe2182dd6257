package vn.ykien.results;

import java.time.Instant;
import java.util.List;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.units.Unit;

/**
 * A unit's results as the latest release shows them: per item, the unit's figures, by each
 * breakdown's values, and by each of the units below it (commune level and up).
 *
 * @param k the fewest people a shown stance figure is about
 */
public record UnitResults(
    Consultation consultation, Unit unit, int release, Instant releasedAt, int k, List<Unit> children, List<ItemResults> items) {

  /** One breakdown value's figures. */
  public record GroupFigures(Breakdown breakdown, String value, Figures figures) {}

  /**
   * One item: the unit's figures, per group (none for a unit with no units below it that show
   * content: a commune publishes its total only), and per child unit (in {@link #children} order).
   */
  public record ItemResults(DraftItem item, Figures total, List<GroupFigures> groups, List<Figures> children) {}
}
