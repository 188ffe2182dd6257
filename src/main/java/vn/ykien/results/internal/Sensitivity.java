package vn.ykien.results.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which figures of a table must stay uncertain, and how far: for every group of a unit (a row:
 * its people and their split between stances),
 *
 * <ul>
 *   <li>a row of fewer than k people: each stance could have been taken by one person more (within
 *       all of them), and, as any stance of 1 to k−1 people, by none — so that no one of them is
 *       known to have taken a stance or not to have taken it, even by someone who knows all the
 *       others' answers. (Not "all of them": with a stance most people take, that needs as many
 *       people of the rare stances to swap in, which do not exist below the nation; measured in
 *       docs/performance.md);
 *   <li>a stance taken by 1 to k−1 people: it could have been taken by none;
 *   <li>against the last release that showed a stance: when its figure moved by 1 to k−1, it
 *       could be as it was; when the row's people moved by 1 to k−1, it could have taken all of
 *       the newcomers (or lost all of the leavers) — so that setting two releases side by side
 *       tells nothing about the few who came or went in between.
 * </ul>
 *
 * <p>Rows of a unit shown in total only ({@link CellTable#leavesInTotalOnly}) are not published and
 * need nothing of their own.
 */
public final class Sensitivity {

  private Sensitivity() {}

  /**
   * What an earlier release showed of one unit's cells.
   *
   * @param shown each cell as last shown, -1 never
   * @param peopleThen the row's people at the release that last showed the cell
   */
  public record History(long[] shown, long[] peopleThen) {}

  public static List<Suppression.Requirement> of(CellTable table, int unit, @Nullable History history, int k) {
    List<Suppression.Requirement> requirements = new ArrayList<>();
    int base = table.cell(unit, 0, 0);
    for (int g = 0; g < table.groups().count(); g++) {
      if (table.totalOnly(unit) && g != Groups.ALL) {
        continue;
      }
      long people = table.value(unit, g, CellTable.ANY);
      for (int s = 1; s < table.stances(); s++) {
        int cell = table.cell(unit, g, s);
        long value = table.value(cell);
        TreeSet<Long> couldBe = new TreeSet<>();
        if (people > 0 && people < k) {
          couldBe.add(Math.min(people, value + 1));
        }
        if (value > 0 && value < k) {
          couldBe.add(0L);
        }
        if (history != null && history.shown()[cell - base] >= 0) {
          long before = history.shown()[cell - base];
          long change = value - before;
          if (change != 0 && Math.abs(change) < k) {
            couldBe.add(before);
          }
          long newcomers = people - history.peopleThen()[cell - base];
          if (newcomers != 0 && Math.abs(newcomers) < k) {
            couldBe.add(Math.max(0, Math.min(people, before + newcomers)));
          }
        }
        long lowest = couldBe.isEmpty() ? value : Math.min(value, couldBe.first());
        long highest = couldBe.isEmpty() ? value : Math.max(value, couldBe.last());
        if (lowest < value) {
          requirements.add(new Suppression.Requirement(unit, g, s, true, value - lowest));
        }
        if (highest > value) {
          requirements.add(new Suppression.Requirement(unit, g, s, false, highest - value));
        }
      }
    }
    return requirements;
  }
}
