package vn.ykien.results.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One item's table of answers as published: units (commune and up, each the sum of the units
 * below it) × groups ({@link Groups}) × stances (0 = every stance, then APPROVE, DISAPPROVE,
 * PARTLY). Cells of every stance (people who answered) are always shown; stance cells may be
 * hidden.
 */
public final class CellTable {

  public static final int STANCES = 4;
  /** The stance column holding everyone who answered. */
  public static final int ANY = 0;

  private final int[] parent;
  private final int[][] children;
  private final long[] value;
  private final boolean[] hidden;

  /**
   * @param parent the index of each unit's parent in the table, -1 for the top one
   * @param value the cells, {@link #cell} ordered
   */
  public CellTable(int[] parent, long[] value) {
    if (value.length != parent.length * Groups.COUNT * STANCES) {
      throw new IllegalArgumentException("a table needs " + parent.length * Groups.COUNT * STANCES + " cells");
    }
    this.parent = parent.clone();
    this.value = value.clone();
    this.hidden = new boolean[value.length];
    List<List<Integer>> below = new ArrayList<>();
    for (int u = 0; u < parent.length; u++) {
      below.add(new ArrayList<>());
    }
    for (int u = 0; u < parent.length; u++) {
      if (parent[u] >= 0) {
        below.get(parent[u]).add(u);
      }
    }
    this.children = below.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  public static int cell(int unit, int group, int stance) {
    return (unit * Groups.COUNT + group) * STANCES + stance;
  }

  public int units() {
    return parent.length;
  }

  public int parent(int unit) {
    return parent[unit];
  }

  public int[] children(int unit) {
    return children[unit];
  }

  public long value(int cell) {
    return value[cell];
  }

  public long value(int unit, int group, int stance) {
    return value[cell(unit, group, stance)];
  }

  public boolean hidden(int cell) {
    return hidden[cell];
  }

  public void hide(int cell) {
    if (cell % STANCES == ANY) {
      throw new IllegalArgumentException("people who answered are always shown");
    }
    hidden[cell] = true;
  }

  /** Hides every stance cell: the item's split is withheld everywhere. */
  public void withhold() {
    for (int c = 0; c < value.length; c++) {
      hidden[c] = c % STANCES != ANY;
    }
  }

  public int hiddenCount() {
    int n = 0;
    for (boolean h : hidden) {
      n += h ? 1 : 0;
    }
    return n;
  }

  /** Stance cells with at least one answer: those a release could show. */
  public int stanceCellsWithAnswers() {
    int n = 0;
    for (int c = 0; c < value.length; c++) {
      n += c % STANCES != ANY && value[c] > 0 ? 1 : 0;
    }
    return n;
  }

  /** Stance cells with at least one answer that are hidden. */
  public int hiddenWithAnswers() {
    int n = 0;
    for (int c = 0; c < value.length; c++) {
      n += hidden[c] && value[c] > 0 ? 1 : 0;
    }
    return n;
  }

  /** The cells as published: the value, or -1 where hidden. */
  public long[] published() {
    long[] shown = value.clone();
    for (int c = 0; c < shown.length; c++) {
      if (hidden[c]) {
        shown[c] = -1;
      }
    }
    return shown;
  }

  /** One unit's cells, as published. */
  public long[] published(int unit) {
    long[] shown = Arrays.copyOfRange(value, cell(unit, 0, 0), cell(unit + 1, 0, 0));
    for (int c = 0; c < shown.length; c++) {
      if (hidden[cell(unit, 0, 0) + c]) {
        shown[c] = -1;
      }
    }
    return shown;
  }
}
