package vn.ykien.results.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One table as published: units (commune and up, each the sum of the units below it) × groups
 * ({@link Groups}) × stances (0 = everyone of the row, then stances that add up to it). For an
 * item's answers the stances are APPROVE, DISAPPROVE, PARTLY; for one stance of the comments on an
 * item, those whose comments took it and those whose did not. Cells of everyone (the people of the
 * row) are always shown; stance cells may be hidden.
 */
public final class CellTable {

  /** The stance columns of an answer table: everyone, then approve, disapprove, partly. */
  public static final int ANSWER_STANCES = 4;

  /** The stance column holding everyone of the row. */
  public static final int ANY = 0;

  private final int stances;
  private final Groups groups;
  private final int[] parent;
  private final int[][] children;
  private final long[] value;
  private final boolean[] hidden;

  /** Per unit: whether only its everyone row is published (its group rows are not). */
  private final boolean[] totalOnly;

  /**
   * @param parent the index of each unit's parent in the table, -1 for the top one
   * @param value the cells, {@link #cell} ordered
   */
  public CellTable(int[] parent, long[] value) {
    this(parent, value, ANSWER_STANCES, Groups.ANSWERS);
  }

  /**
   * @param stances stance columns, everyone included
   * @param groups the table's group columns
   */
  public CellTable(int[] parent, long[] value, int stances, Groups groups) {
    if (stances < 3) {
      throw new IllegalArgumentException("a table needs everyone and at least two stances that add up to them");
    }
    this.stances = stances;
    this.groups = groups;
    if (value.length != parent.length * groups.count() * stances) {
      throw new IllegalArgumentException("a table needs " + parent.length * groups.count() * stances + " cells");
    }
    this.parent = parent.clone();
    this.value = value.clone();
    this.hidden = new boolean[value.length];
    this.totalOnly = new boolean[parent.length];
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

  public int cell(int unit, int group, int stance) {
    return (unit * groups.count() + group) * stances + stance;
  }

  /** Stance columns, everyone included. */
  public int stances() {
    return stances;
  }

  public Groups groups() {
    return groups;
  }

  /** The stance column of a cell. */
  public int stanceOf(int cell) {
    return cell % stances;
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

  /** Counts {@code amount} more in a cell, while the table is built. */
  void add(int cell, long amount) {
    value[cell] += amount;
  }

  /**
   * Publishes only the everyone row of the units at the bottom of the table (those with a unit
   * above them and none below): their group rows are hidden from the start and need no protection
   * of their own, though patterns still move them only as far as their true figures allow (the
   * attacker knows each row's people, the unit's total and the group's figure above). The small
   * groups of a few hundred people per commune then no longer pull their protection up into the
   * provinces' and the nation's figures (docs/performance.md: with commune group rows published, a
   * national table of a million people hid almost every provincial approval figure).
   */
  public CellTable leavesInTotalOnly() {
    for (int u = 0; u < parent.length; u++) {
      if (parent[u] >= 0 && children[u].length == 0) {
        totalOnly[u] = true;
        for (int g = 0; g < groups.count(); g++) {
          if (g != Groups.ALL) {
            for (int s = 1; s < stances; s++) {
              hidden[cell(u, g, s)] = true;
            }
          }
        }
      }
    }
    return this;
  }

  /** Whether only the unit's everyone row is published. */
  public boolean totalOnly(int unit) {
    return totalOnly[unit];
  }

  /** Whether a cell is published at all: a stance cell not in a group row of a unit shown in total only. */
  private boolean publishable(int cell) {
    return cell % stances != ANY && !unpublished(cell);
  }

  /** Whether a cell is in a group row of a unit shown in total only. */
  public boolean unpublished(int cell) {
    return totalOnly[cell / (groups.count() * stances)] && (cell / stances) % groups.count() != Groups.ALL;
  }

  public boolean hidden(int cell) {
    return hidden[cell];
  }

  public void hide(int cell) {
    if (cell % stances == ANY) {
      throw new IllegalArgumentException("people who answered are always shown");
    }
    hidden[cell] = true;
  }

  /** Hides every stance cell: the item's split is withheld everywhere. */
  public void withhold() {
    for (int c = 0; c < value.length; c++) {
      hidden[c] = c % stances != ANY;
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
      n += publishable(c) && value[c] > 0 ? 1 : 0;
    }
    return n;
  }

  /** Stance cells with at least one answer that are hidden. */
  public int hiddenWithAnswers() {
    int n = 0;
    for (int c = 0; c < value.length; c++) {
      n += publishable(c) && hidden[c] && value[c] > 0 ? 1 : 0;
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
