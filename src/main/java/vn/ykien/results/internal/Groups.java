package vn.ykien.results.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.results.Breakdown;

/**
 * The columns of a results table, in a fixed order: 0 is everyone, then each of its breakdowns'
 * values in turn. Stored releases keep their cells in this order. Answers are broken down by
 * every breakdown; comments by all but the channel (their tallies have none).
 */
public final class Groups {

  /** Everyone: the margin of every breakdown. */
  public static final int ALL = 0;

  /** The groups of the answer tables. */
  public static final Groups ANSWERS = new Groups(List.of(Breakdown.values()));

  /** The groups of the comment tables: a comment's tally knows no channel. */
  public static final Groups COMMENTS = new Groups(List.of(Breakdown.AGE, Breakdown.SEX, Breakdown.OCCUPATION));

  /** Everyone only: tables of figures that are not broken down (a campaign's people per unit). */
  public static final Groups EVERYONE = new Groups(List.of());

  private final List<Breakdown> breakdowns;
  private final List<@Nullable Breakdown> dimension = new ArrayList<>();
  private final List<String> value = new ArrayList<>();
  private final int[][] of = new int[Breakdown.values().length][];

  private Groups(List<Breakdown> breakdowns) {
    this.breakdowns = List.copyOf(breakdowns);
    dimension.add(null);
    value.add("ALL");
    for (Breakdown breakdown : breakdowns) {
      int[] columns = new int[breakdown.options().size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = dimension.size();
        dimension.add(breakdown);
        value.add(breakdown.options().get(i));
      }
      of[breakdown.ordinal()] = columns;
    }
  }

  /** The breakdowns of this table, in column order. */
  public List<Breakdown> breakdowns() {
    return breakdowns;
  }

  /** How many columns a table has. */
  public int count() {
    return dimension.size();
  }

  /** The columns of one breakdown; none when the table is not broken down by it. */
  public int[] of(Breakdown breakdown) {
    int[] columns = of[breakdown.ordinal()];
    return columns == null ? new int[0] : columns;
  }

  /** The breakdown a column belongs to; null for everyone. */
  public @Nullable Breakdown dimension(int group) {
    return dimension.get(group);
  }

  public String value(int group) {
    return value.get(group);
  }

  /** The column of a breakdown's value, or -1 when the value is not one of it. */
  public int column(Breakdown breakdown, String value) {
    int index = breakdown.options().indexOf(value);
    int[] columns = of[breakdown.ordinal()];
    return index < 0 || columns == null ? -1 : columns[index];
  }
}
