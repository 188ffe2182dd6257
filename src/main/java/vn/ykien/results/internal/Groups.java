package vn.ykien.results.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.results.Breakdown;

/**
 * The columns of a results table, in a fixed order: 0 is everyone, then each breakdown's values
 * in turn. Stored releases keep their cells in this order.
 */
public final class Groups {

  /** Everyone: the margin of every breakdown. */
  public static final int ALL = 0;

  private static final List<@Nullable Breakdown> DIMENSION = new ArrayList<>();
  private static final List<String> VALUE = new ArrayList<>();
  private static final int[][] OF = new int[Breakdown.values().length][];

  static {
    DIMENSION.add(null);
    VALUE.add("ALL");
    for (Breakdown breakdown : Breakdown.values()) {
      int[] columns = new int[breakdown.options().size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = DIMENSION.size();
        DIMENSION.add(breakdown);
        VALUE.add(breakdown.options().get(i));
      }
      OF[breakdown.ordinal()] = columns;
    }
  }

  /** How many columns a table has. */
  public static final int COUNT = DIMENSION.size();

  private Groups() {}

  /** The columns of one breakdown. */
  public static int[] of(Breakdown breakdown) {
    return OF[breakdown.ordinal()];
  }

  /** The breakdown a column belongs to; null for everyone. */
  public static @Nullable Breakdown dimension(int group) {
    return DIMENSION.get(group);
  }

  public static String value(int group) {
    return VALUE.get(group);
  }

  /** The column of a breakdown's value, or -1 when the value is not one of it. */
  public static int column(Breakdown breakdown, String value) {
    int index = breakdown.options().indexOf(value);
    return index < 0 ? -1 : OF[breakdown.ordinal()][index];
  }
}
