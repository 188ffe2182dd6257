package vn.ykien.results.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ykien.results.Breakdown;

/**
 * Whoever solves the published table as a linear programme (the attack sdcTable and tau-Argus
 * audit) cannot rule out that a small hidden cell is empty, nor tell a change of one person
 * between two releases from no change.
 */
class SuppressionTests {

  static final int K = 10;

  static List<Suppression.Requirement> sensitive(CellTable table, long[] @org.jspecify.annotations.Nullable [] history) {
    List<Suppression.Requirement> requirements = new ArrayList<>();
    for (int u = 0; u < table.units(); u++) {
      Sensitivity.History before = null;
      if (history != null) {
        int base = table.cell(u, 0, 0);
        int size = table.groups().count() * table.stances();
        long[] shown = java.util.Arrays.copyOfRange(history[0], base, base + size);
        long[] people = new long[size];
        for (int c = 0; c < size; c++) {
          people[c] = shown[c - c % table.stances()];
        }
        before = new Sensitivity.History(shown, people);
      }
      requirements.addAll(Sensitivity.of(table, u, before, K));
    }
    return requirements;
  }

  /** Whoever solves the table cannot rule out {@code value} for the cell. */
  static void couldBe(LinearAttack attack, int cell, long value, String what) {
    assertThat(attack.least(cell)).as("%s could be %d", what, value).isLessThanOrEqualTo(value + 1e-6);
    assertThat(attack.most(cell)).as("%s could be %d", what, value).isGreaterThanOrEqualTo(value - 1e-6);
  }

  @Test
  void noSmallCellIsShownAndEveryHiddenOneCouldBeEmptyForWhoeverSolvesTheTable() {
    for (long seed = 1; seed <= 2; seed++) {
      RandomTables people = new RandomTables(seed, 3, 3).people(400);
      CellTable table = people.table();
      List<Suppression.Requirement> requirements = sensitive(table, null);
      assertThat(requirements).isNotEmpty();

      boolean protectedWithoutWithholding = Suppression.protect(table, requirements);

      long[] published = table.published();
      for (int c = 0; c < published.length; c++) {
        assertThat(published[c] < 0 || published[c] == 0 || published[c] >= K || table.stanceOf(c) == CellTable.ANY)
            .as("cell %d shows %d", c, published[c])
            .isTrue();
      }
      LinearAttack attack = new LinearAttack(people.parent, published);
      // Every cell's own check is one linear programme each way: a sample of them, the same every run.
      java.util.Collections.shuffle(requirements, new java.util.Random(seed));
      for (Suppression.Requirement r : requirements.subList(0, Math.min(25, requirements.size()))) {
        int cell = table.cell(r.unit(), r.group(), r.stance());
        couldBe(attack, cell, table.value(cell) + (r.down() ? -r.amount() : r.amount()), r.toString());
      }
      assertThat(protectedWithoutWithholding).as("seed %d protected without withholding the item", seed).isTrue();
    }
  }

  @Test
  void communesPublishedInTotalOnlyAreProtectedAsWellWhoeverSolvesTheTable() {
    for (long seed = 3; seed <= 4; seed++) {
      RandomTables people = new RandomTables(seed, 3, 3).people(400, 0.97, 0.02);
      CellTable table = people.table().leavesInTotalOnly();
      List<Suppression.Requirement> requirements = sensitive(table, null);
      assertThat(requirements).isNotEmpty();

      assertThat(Suppression.protect(table, requirements)).as("seed %d protected without withholding the item", seed).isTrue();

      long[] published = table.published();
      LinearAttack attack = new LinearAttack(people.parent, published);
      java.util.Collections.shuffle(requirements, new java.util.Random(seed));
      for (Suppression.Requirement r : requirements.subList(0, Math.min(25, requirements.size()))) {
        int cell = table.cell(r.unit(), r.group(), r.stance());
        couldBe(attack, cell, table.value(cell) + (r.down() ? -r.amount() : r.amount()), r.toString());
      }
      // A commune's small groups, never published, give away no more than the rows shown around
      // them (the commune's total, the group in the province and the nation): one person fewer of
      // a stance could be in the row wherever each of those has someone outside the row who took
      // another, one more wherever each has someone outside the row who took it.
      int checked = 0;
      for (int u = 1 + 3; u < table.units(); u++) {
        long communeStances = 0;
        for (int s = 1; s < table.stances(); s++) {
          communeStances += table.value(u, Groups.ALL, s) > 0 ? 1 : 0;
        }
        for (int g = 1; g < table.groups().count() && communeStances > 1; g++) {
          long rowPeople = table.value(u, g, CellTable.ANY);
          if (rowPeople > 0 && rowPeople < K) {
            for (int s = 1; s < table.stances(); s++) {
              int cell = table.cell(u, g, s);
              assertThat(published[cell]).isEqualTo(-1);
              long inRow = table.value(cell);
              long othersInRow = rowPeople - inRow;
              boolean othersAbove = table.value(u, Groups.ALL, CellTable.ANY) - table.value(u, Groups.ALL, s) > othersInRow;
              boolean sameAbove = table.value(u, Groups.ALL, s) > inRow;
              for (int a = people.parent[u]; a >= 0; a = people.parent[a]) {
                othersAbove &= table.value(a, g, CellTable.ANY) - table.value(a, g, s) > othersInRow;
                sameAbove &= table.value(a, g, s) > inRow;
              }
              if (inRow > 0 && othersAbove) {
                couldBe(attack, cell, inRow - 1, "commune %d group %d stance %d, one fewer".formatted(u, g, s));
                checked++;
              }
              if (inRow < rowPeople && sameAbove) {
                couldBe(attack, cell, inRow + 1, "commune %d group %d stance %d, one more".formatted(u, g, s));
                checked++;
              }
            }
          }
        }
      }
      assertThat(checked).as("small rows checked, seed %d", seed).isPositive();
    }
  }

  @Test
  void aCommuneWhoseOneDissenterWouldBePinnedDownByTheGroupsAroundItIsStillProtected() {
    // A reviewer's counter-example to moving unpublished group cells freely: pairing commune 1
    // with commune 2 (which has nobody in the second age band, and the province shows no
    // disapproval in the first) would let whoever solves the table find commune 1's dissenter.
    RandomTables people = new RandomTables(1, 1, 3);
    int a = Groups.ANSWERS.of(Breakdown.AGE)[0];
    int b = Groups.ANSWERS.of(Breakdown.AGE)[1];
    int[] same = {Groups.ANSWERS.of(Breakdown.SEX)[0], Groups.ANSWERS.of(Breakdown.OCCUPATION)[0], Groups.ANSWERS.of(Breakdown.CHANNEL)[0]};
    java.util.function.BiConsumer<int[], Integer> add = (who, times) -> {
      for (int i = 0; i < times; i++) {
        people.person(who[0], who[1], new int[] {who[2], same[0], same[1], same[2]}, 1);
      }
    };
    int c1 = 2;
    int c2 = 3;
    int c3 = 4;
    add.accept(new int[] {c1, 1, a}, 15);
    add.accept(new int[] {c1, 1, b}, 4);
    add.accept(new int[] {c1, 2, b}, 1);
    add.accept(new int[] {c2, 1, a}, 10);
    add.accept(new int[] {c3, 1, a}, 10);
    add.accept(new int[] {c3, 1, b}, 10);
    add.accept(new int[] {c3, 2, b}, 10);
    CellTable table = people.table().leavesInTotalOnly();
    List<Suppression.Requirement> requirements = sensitive(table, null);

    assertThat(Suppression.protect(table, requirements)).isTrue();

    LinearAttack attack = new LinearAttack(people.parent, table.published());
    int dissent = table.cell(c1, Groups.ALL, 2);
    assertThat(table.hidden(dissent)).isTrue();
    couldBe(attack, dissent, 0, "commune 1's one disapproval");
  }

  @Test
  void aNationOfSmallCommunesWhereAlmostEveryoneApprovesStillShowsTheNationsAndEveryProvincesApprovalShares() {
    // The real run: a few hundred people per commune, 99.5 % approving; most of a commune's groups
    // have fewer than k people, and a province has a handful who did not approve.
    RandomTables people = new RandomTables(11, 6, 40).people(60_000, 0.995, 0.003);
    CellTable table = people.table().leavesInTotalOnly();

    assertThat(Suppression.protect(table, sensitive(table, null))).isTrue();

    for (int u = 0; u <= 6; u++) {
      assertThat(table.hidden(table.cell(u, Groups.ALL, 1))).as("approvals of unit %d, everyone", u).isFalse();
    }
    for (int g : Groups.ANSWERS.of(Breakdown.AGE)) {
      assertThat(table.hidden(table.cell(0, g, 1))).as("approvals in the nation, age group %d", g).isFalse();
    }
    for (int s = 1; s < table.stances(); s++) {
      assertThat(table.value(0, Groups.ALL, s)).isGreaterThanOrEqualTo(K);
      assertThat(table.hidden(table.cell(0, Groups.ALL, s))).as("the nation's stance %d, everyone", s).isFalse();
    }
    long[] published = table.published();
    for (int c = 0; c < published.length; c++) {
      assertThat(published[c] < 0 || published[c] == 0 || published[c] >= K || table.stanceOf(c) == CellTable.ANY)
          .as("cell %d shows %d", c, published[c])
          .isTrue();
    }
  }

  @Test
  void aCommentStanceTableOfThoseWhoTookItAndThoseWhoDidNotIsProtectedTheSameWay() {
    // One stance of the comments on an item: everyone who commented, those whose comments took the
    // stance, those whose did not; groups without a channel.
    RandomTables people = new RandomTables(3, 3, 3, 3, Groups.COMMENTS).people(300);
    CellTable table = people.table();
    List<Suppression.Requirement> requirements = sensitive(table, null);
    assertThat(requirements).isNotEmpty();

    assertThat(Suppression.protect(table, requirements)).isTrue();

    long[] published = table.published();
    for (int c = 0; c < published.length; c++) {
      assertThat(published[c] < 0 || published[c] == 0 || published[c] >= K || table.stanceOf(c) == CellTable.ANY)
          .as("cell %d shows %d", c, published[c])
          .isTrue();
    }
    LinearAttack attack = new LinearAttack(table, published);
    java.util.Collections.shuffle(requirements, new java.util.Random(3));
    for (Suppression.Requirement r : requirements.subList(0, Math.min(25, requirements.size()))) {
      int cell = table.cell(r.unit(), r.group(), r.stance());
      couldBe(attack, cell, table.value(cell) + (r.down() ? -r.amount() : r.amount()), r.toString());
    }
  }

  @Test
  void oneMorePersonHelpedAtASupportPointCannotBeToldFromNoChangeBetweenTwoReleases() {
    RandomTables people = new RandomTables(7, 3, 3).people(600);
    CellTable before = people.table();
    Suppression.protect(before, sensitive(before, null));
    long[] first = before.published();

    // An official helps one person, who approves, in the last commune; the next release follows.
    int commune = people.parent.length - 1;
    int[] groups = {
      Groups.ANSWERS.of(Breakdown.AGE)[4], Groups.ANSWERS.of(Breakdown.SEX)[1], Groups.ANSWERS.of(Breakdown.OCCUPATION)[1], Groups.ANSWERS.of(Breakdown.CHANNEL)[1]
    };
    people.person(commune, 1, groups, 1);
    CellTable after = people.table();
    List<Suppression.Requirement> requirements = sensitive(after, new long[][] {first});
    assertThat(Suppression.protect(after, requirements)).isTrue();
    long[] second = after.published();

    // Each stance of each row the person is in could have taken them, or not.
    LinearAttack attack = new LinearAttack(people.parent, second);
    for (int u = commune; u >= 0; u = people.parent[u]) {
      for (int g : new int[] {Groups.ALL, groups[0], groups[1], groups[2], groups[3]}) {
        for (int s = 1; s < after.stances(); s++) {
          int cell = after.cell(u, g, s);
          if (first[cell] >= 0) {
            assertThat(second[cell]).as("stance %d of unit %d group %d after", s, u, g).isEqualTo(-1);
            couldBe(attack, cell, first[cell], "stance %d of unit %d group %d, as before".formatted(s, u, g));
            couldBe(attack, cell, first[cell] + 1, "stance %d of unit %d group %d, with the newcomer".formatted(s, u, g));
          }
        }
      }
    }
  }
}
