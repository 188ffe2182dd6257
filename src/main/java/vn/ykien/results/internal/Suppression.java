package vn.ykien.results.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.results.Breakdown;

/**
 * Complementary suppression by the hypercube method (as tau-Argus's GHMITER): for each sensitive
 * cell, a set of other cells is hidden with it such that moving the sensitive cell by the amount
 * to protect, and the others by the same amount up or down in a checkerboard pattern, keeps every
 * published sum (over stances, over each breakdown, over the units below a unit) and keeps every
 * cell at zero or more. The true table moved along that pattern is then another table an attacker
 * cannot tell from the true one with any of the figures shown — whatever linear programme they
 * solve — so the sensitive cell may hold its protected value.
 *
 * <p>A pattern is a product of three choices: another stance (the stances of a group add up to
 * the people who answered, always shown); units (the unit, a chain of units below it down to a
 * commune, and either a sibling with its own chain or every unit above it up to the nation, whose
 * totals are then hidden too); and another value of the breakdown, or everyone and a value of each
 * other breakdown chosen so that every unit of the pattern can move that way (with few people of
 * a stance, a sibling province can only take the other side where it has one of them in that
 * value). The cheapest pattern is chosen, cheap meaning few and small newly hidden cells, and
 * cells of higher units and everyone rows costing more, so the nation's and the provinces'
 * headline figures are the last to go. When no pattern fits, the item's whole split is withheld.
 */
public final class Suppression {

  /** Protect {@code cell}: an attacker must not rule out that it is {@code amount} lower (or higher). */
  public record Requirement(int unit, int group, int stance, boolean down, long amount) {

    public Requirement {
      if (stance == CellTable.ANY || amount <= 0) {
        throw new IllegalArgumentException("only stance cells are protected, by a positive amount");
      }
    }
  }

  /**
   * How many siblings of a unit are tried, the most promising first: enough for every province of
   * the nation, whose few people of a rare stance must often be matched group by group.
   */
  static final int SIBLINGS_TRIED = 40;

  /**
   * How much more hiding a cell costs for each level of units below its unit: a commune's figure
   * before a province's, a province's before the nation's. Only a little more: with a stance a
   * handful of people took per province, hiding the nation's small minority figures once (they
   * then cost nothing to the next pattern) keeps every province's approval shown, where a steeper
   * weight hid the approval of the provinces patterns paired instead (measured, 1 M participants:
   * weight 10, 41 of 68 provinces' approval hidden; 1.5, none, and the nation's disapprove and
   * partly hidden).
   */
  static final double LEVEL_WEIGHT = 1.5;

  /** How much more hiding a cell of a unit's everyone row costs: its headline, before its groups. */
  static final double EVERYONE_WEIGHT = 10;

  private final CellTable table;

  /**
   * What hiding each cell costs while it is shown, computed once: 1 + ln(1 + value), weighted by
   * its unit's level and whether it is an everyone row.
   */
  private final double[] shownCost;

  /** What the patterns chosen for the current requirement take from each cell. */
  private final long[] drawn;

  /** The cells {@link #drawn} has taken from, to clear them for the next requirement. */
  private int[] drawnCells = new int[64];

  private int drawnCount;

  private Suppression(CellTable table) {
    this.table = table;
    int cells = table.units() * table.groups().count() * table.stances();
    this.shownCost = new double[cells];
    int[] height = new int[table.units()];
    for (int u = 0; u < table.units(); u++) {
      int h = 0;
      for (int p = table.parent(u); p >= 0; p = table.parent(p)) {
        height[p] = Math.max(height[p], ++h);
      }
    }
    int perUnit = table.groups().count() * table.stances();
    for (int c = 0; c < cells; c++) {
      int unit = c / perUnit;
      int group = (c % perUnit) / table.stances();
      shownCost[c] = (1 + Math.log1p(table.value(c))) * Math.pow(LEVEL_WEIGHT, height[unit]) * (group == Groups.ALL ? EVERYONE_WEIGHT : 1);
    }
    this.drawn = new long[cells];
  }

  /**
   * Hides the required cells and their complements in {@code table}.
   *
   * @return false when some cell could not be protected and the whole item's split was withheld
   */
  public static boolean protect(CellTable table, List<Requirement> requirements) {
    for (Requirement r : requirements) {
      table.hide(table.cell(r.unit(), r.group(), r.stance()));
    }
    Suppression suppression = new Suppression(table);
    for (Requirement r : requirements) {
      // Several patterns may share the amount between them (a province's five people spread over
      // communes of two and three): the cells they take from are then drawn on by all of them.
      suppression.clearDrawn();
      long remaining = r.amount();
      while (remaining > 0) {
        Pattern pattern = suppression.cheapest(r, remaining);
        if (pattern == null) {
          table.withhold();
          return false;
        }
        long moved = Math.min(remaining, suppression.capacity(pattern, r.down() ? -1 : 1));
        for (int cell : pattern.cells(table)) {
          table.hide(cell);
        }
        suppression.draw(pattern, r.down() ? -1 : 1, moved);
        remaining -= moved;
      }
    }
    return true;
  }

  private void clearDrawn() {
    for (int i = 0; i < drawnCount; i++) {
      drawn[drawnCells[i]] = 0;
    }
    drawnCount = 0;
  }

  /**
   * How much a pattern may still take from a cell: what it holds, less what this requirement's
   * patterns took already. Also for a group cell nobody sees (a commune's, shown in total only):
   * the attacker knows its row's people, its commune's total and the province's group cell, so
   * only a move the true figures can make hides anything.
   */
  private long slack(int cell) {
    return table.value(cell) - drawn[cell];
  }

  /** How far a pattern can move before a cell it takes from is empty. */
  private long capacity(Pattern p, int sign) {
    long capacity = Long.MAX_VALUE;
    for (int u = 0; u < p.units().length; u++) {
      for (int g = 0; g < p.groups().length; g++) {
        for (int s = 0; s < p.stances().length; s++) {
          if (sign * p.unitSigns()[u] * p.groupSigns()[g] * p.stanceSigns()[s] < 0) {
            capacity = Math.min(capacity, slack(table.cell(p.units()[u], p.groups()[g], p.stances()[s])));
          }
        }
      }
    }
    return capacity;
  }

  private void draw(Pattern p, int sign, long amount) {
    for (int u = 0; u < p.units().length; u++) {
      for (int g = 0; g < p.groups().length; g++) {
        for (int s = 0; s < p.stances().length; s++) {
          if (sign * p.unitSigns()[u] * p.groupSigns()[g] * p.stanceSigns()[s] < 0) {
            int cell = table.cell(p.units()[u], p.groups()[g], p.stances()[s]);
            if (drawnCount == drawnCells.length) {
              drawnCells = Arrays.copyOf(drawnCells, drawnCount * 2);
            }
            drawnCells[drawnCount++] = cell;
            drawn[cell] += amount;
          }
        }
      }
    }
  }

  /** Signed units, groups and stances whose product is the pattern. */
  record Pattern(int[] units, int[] unitSigns, int[] groups, int[] groupSigns, int[] stances, int[] stanceSigns) {

    int[] cells(CellTable table) {
      int[] cells = new int[units.length * groups.length * stances.length];
      int n = 0;
      for (int u : units) {
        for (int g : groups) {
          for (int s : stances) {
            cells[n++] = table.cell(u, g, s);
          }
        }
      }
      return cells;
    }
  }

  /** How many chains below the unit are tried, the most promising first. */
  static final int CHAINS_TRIED = 8;

  /** How many chains below each sibling are tried for a pattern whose groups are chosen to fit. */
  static final int CHAINS_PER_SIBLING = 16;

  private @Nullable Pattern cheapest(Requirement r, long remaining) {
    int sign = r.down() ? -1 : 1;
    Pattern best = null;
    double bestCost = Double.MAX_VALUE;
    List<Pattern> candidates = new ArrayList<>();
    for (int other = 1; other < table.stances(); other++) {
      if (other == r.stance()) {
        continue;
      }
      int[] stances = {r.stance(), other};
      int[] stanceSigns = {1, -1};
      for (List<Integer> below : chainsBelow(r, stances, stanceSigns, sign)) {
        candidates.clear();
        // The group and another value of its breakdown, opposite ways.
        for (int[][] groups : oppositeGroups(r)) {
          for (UnitChoice units : unitChoices(r, below, groups, stances, stanceSigns, sign, 1)) {
            candidates.add(new Pattern(units.units, units.signs, groups[0], groups[1], stances, stanceSigns));
          }
        }
        // The group, everyone and a value of every other breakdown, the same way: the units are
        // chosen on the group and everyone, then the values to fit every one of them.
        int[][] own = r.group() == Groups.ALL ? new int[][] {{Groups.ALL}, {1}} : new int[][] {{r.group(), Groups.ALL}, {1, 1}};
        for (UnitChoice units : unitChoices(r, below, own, stances, stanceSigns, sign, CHAINS_PER_SIBLING)) {
          int[] groups = sameWayGroups(r, units, stances, stanceSigns, sign);
          if (groups != null) {
            int[] signs = new int[groups.length];
            Arrays.fill(signs, 1);
            candidates.add(new Pattern(units.units, units.signs, groups, signs, stances, stanceSigns));
          }
        }
        for (Pattern candidate : candidates) {
          long capacity = capacity(candidate, sign);
          if (capacity <= 0) {
            continue;
          }
          // A pattern that moves only part of the amount needs others for the rest.
          double cost = cost(candidate) * Math.ceil((double) remaining / Math.min(capacity, remaining));
          if (cost < bestCost) {
            best = candidate;
            bestCost = cost;
            if (cost == 0) {
              return best;
            }
          }
        }
      }
    }
    return best;
  }

  /**
   * The unit and chains of units below it down to a commune (each unit being the sum of its
   * children, one of them must move with it), judged on the cell's own group only; the groups are
   * chosen to fit them afterwards.
   */
  private List<List<Integer>> chainsBelow(Requirement r, int[] stances, int[] stanceSigns, int sign) {
    int[][] own = {{r.group()}, {1}};
    List<List<Integer>> chains = new ArrayList<>();
    int[] first = table.children(r.unit());
    if (first.length == 0) {
      chains.add(List.of(r.unit()));
      return chains;
    }
    List<Integer> candidates = new ArrayList<>();
    for (int child : first) {
      if (fitsAt(child, 1, own, stances, stanceSigns, sign)) {
        candidates.add(child);
      }
    }
    candidates.sort(Comparator.comparingLong(c -> -room(c, r.group(), stances, stanceSigns, sign)));
    for (int child : candidates.subList(0, Math.min(CHAINS_TRIED, candidates.size()))) {
      List<Integer> chain = new ArrayList<>();
      chain.add(r.unit());
      if (chain(child, 1, own, stances, stanceSigns, sign, chain)) {
        chains.add(chain);
      }
    }
    return chains;
  }

  /** The least slack among the cells of one group of a unit that a pattern would take from. */
  private long room(int unit, int group, int[] stances, int[] stanceSigns, int sign) {
    long room = Long.MAX_VALUE;
    for (int s = 0; s < stances.length; s++) {
      if (sign * stanceSigns[s] < 0) {
        room = Math.min(room, slack(table.cell(unit, group, stances[s])));
      }
    }
    return room;
  }

  /** The group with each other value of its breakdown, opposite ways (none for everyone). */
  private List<int[][]> oppositeGroups(Requirement r) {
    List<int[][]> choices = new ArrayList<>();
    Breakdown dimension = table.groups().dimension(r.group());
    if (dimension != null) {
      for (int other : table.groups().of(dimension)) {
        if (other != r.group()) {
          choices.add(new int[][] {{r.group(), other}, {1, -1}});
        }
      }
    }
    return choices;
  }

  /**
   * The group, everyone, and for every other breakdown the cheapest value whose cells can move the
   * way the pattern needs at every one of the units (each with its own sign); null when a
   * breakdown has none.
   */
  private int @Nullable [] sameWayGroups(Requirement r, UnitChoice units, int[] stances, int[] stanceSigns, int sign) {
    Breakdown dimension = table.groups().dimension(r.group());
    int[] groups = new int[table.groups().breakdowns().size() + 1];
    int n = 0;
    groups[n++] = r.group();
    if (dimension != null) {
      groups[n++] = Groups.ALL;
    }
    for (Breakdown each : table.groups().breakdowns()) {
      if (each == dimension) {
        continue;
      }
      int chosen = -1;
      double chosenCost = Double.MAX_VALUE;
      for (int value : table.groups().of(each)) {
        boolean fits = true;
        double cost = 0;
        for (int u = 0; u < units.units.length && fits; u++) {
          for (int s = 0; s < stances.length; s++) {
            int cell = table.cell(units.units[u], value, stances[s]);
            fits &= sign * units.signs[u] * stanceSigns[s] > 0 || slack(cell) > 0;
            cost += costOf(cell);
          }
        }
        if (fits && cost < chosenCost) {
          chosen = value;
          chosenCost = cost;
        }
      }
      if (chosen < 0) {
        return null;
      }
      groups[n++] = chosen;
    }
    return Arrays.copyOf(groups, n);
  }

  private record UnitChoice(int[] units, int[] signs) {}

  /** The chain, then a sibling (with a chain) at some level above, or every unit up to the nation. */
  private List<UnitChoice> unitChoices(
      Requirement r, List<Integer> below, int[][] groups, int[] stances, int[] stanceSigns, int sign, int chainsPerSibling) {
    List<UnitChoice> choices = new ArrayList<>();
    for (int unit : below) {
      if (!fitsAt(unit, 1, groups, stances, stanceSigns, sign)) {
        return choices;
      }
    }
    List<Integer> plus = new ArrayList<>(below);
    int current = r.unit();
    while (table.parent(current) >= 0) {
      int parent = table.parent(current);
      // Siblings whose cells can go the way the pattern needs, the most already hidden and largest first.
      List<Sibling> siblings = new ArrayList<>();
      for (int sibling : table.children(parent)) {
        if (sibling != current && fitsAt(sibling, -1, groups, stances, stanceSigns, sign)) {
          siblings.add(new Sibling(sibling, costAt(sibling, groups, stances), table.value(table.cell(sibling, groups[0][0], stances[0]))));
        }
      }
      siblings.sort(Sibling.CHEAPEST_THEN_LARGEST);
      for (Sibling each : siblings.subList(0, Math.min(SIBLINGS_TRIED, siblings.size()))) {
        int sibling = each.unit();
        int[] children = table.children(sibling);
        if (chainsPerSibling > 1 && children.length > 0) {
          // Several chains below the sibling, each starting at another child with room: the
          // groups are chosen afterwards to fit every unit, and a few people of a rare stance fit
          // only where the values of the requirement's chain match theirs.
          List<Integer> starts = new ArrayList<>();
          for (int child : children) {
            if (fitsAt(child, -1, groups, stances, stanceSigns, sign)) {
              starts.add(child);
            }
          }
          starts.sort(Comparator.comparingLong(c -> -room(c, groups[0][0], stances, stanceSigns, -sign)));
          for (int child : starts.subList(0, Math.min(chainsPerSibling, starts.size()))) {
            List<Integer> minus = new ArrayList<>();
            minus.add(sibling);
            if (chain(child, -1, groups, stances, stanceSigns, sign, minus)) {
              choices.add(choice(plus, minus));
            }
          }
          continue;
        }
        List<Integer> minus = new ArrayList<>();
        if (chain(sibling, -1, groups, stances, stanceSigns, sign, minus)) {
          choices.add(choice(plus, minus));
        }
      }
      if (!fitsAt(parent, 1, groups, stances, stanceSigns, sign)) {
        return choices;
      }
      plus.add(parent);
      current = parent;
    }
    choices.add(choice(plus, List.of()));
    return choices;
  }

  /** A sibling that could take the other side of a pattern: what hiding it costs, what it holds. */
  private record Sibling(int unit, double cost, long value) {
    static final Comparator<Sibling> CHEAPEST_THEN_LARGEST =
        Comparator.comparingDouble(Sibling::cost).thenComparing(Comparator.comparingLong(Sibling::value).reversed());
  }

  private static UnitChoice choice(List<Integer> plus, List<Integer> minus) {
    int[] units = new int[plus.size() + minus.size()];
    int[] signs = new int[units.length];
    for (int i = 0; i < plus.size(); i++) {
      units[i] = plus.get(i);
      signs[i] = 1;
    }
    for (int i = 0; i < minus.size(); i++) {
      units[plus.size() + i] = minus.get(i);
      signs[plus.size() + i] = -1;
    }
    return new UnitChoice(units, signs);
  }

  /**
   * Adds {@code unit} and, level by level, the cheapest child that fits, down to a unit with none
   * below it (each unit being the sum of its children, one of them must move with it).
   */
  private boolean chain(
      int unit, int unitSign, int[][] groups, int[] stances, int[] stanceSigns, int sign, List<Integer> into) {
    int current = unit;
    while (true) {
      if (!fitsAt(current, unitSign, groups, stances, stanceSigns, sign)) {
        return false;
      }
      into.add(current);
      int[] below = table.children(current);
      if (below.length == 0) {
        return true;
      }
      int chosen = -1;
      double chosenCost = Double.MAX_VALUE;
      for (int child : below) {
        if (fitsAt(child, unitSign, groups, stances, stanceSigns, sign)) {
          // Cheapest first; between equals, the one that can move most.
          double cost = costAt(child, groups, stances) - 1e-9 * table.value(table.cell(child, groups[0][0], stances[0]));
          if (cost < chosenCost) {
            chosen = child;
            chosenCost = cost;
          }
        }
      }
      if (chosen < 0) {
        return false;
      }
      current = chosen;
    }
  }

  private boolean fitsAt(int unit, int unitSign, int[][] groups, int[] stances, int[] stanceSigns, int sign) {
    for (int g = 0; g < groups[0].length; g++) {
      for (int s = 0; s < stances.length; s++) {
        int change = sign * unitSign * groups[1][g] * stanceSigns[s];
        if (change < 0 && slack(table.cell(unit, groups[0][g], stances[s])) <= 0) {
          return false;
        }
      }
    }
    return true;
  }

  private double costAt(int unit, int[][] groups, int[] stances) {
    double cost = 0;
    for (int g : groups[0]) {
      for (int s : stances) {
        cost += costOf(table.cell(unit, g, s));
      }
    }
    return cost;
  }

  private double cost(Pattern p) {
    double cost = 0;
    for (int cell : p.cells(table)) {
      cost += costOf(cell);
    }
    return cost;
  }

  /** Hiding a cell costs more the more it holds; a hidden one costs nothing more. */
  private double costOf(int cell) {
    return table.hidden(cell) ? 0 : shownCost[cell];
  }
}
