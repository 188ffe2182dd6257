package vn.ykien.results.internal;

import java.util.Random;
import vn.ykien.results.Breakdown;

/** Tables of made-up people: a nation, provinces, communes; answers skewed towards approval. */
final class RandomTables {

  final int[] parent;
  final long[] value;
  final int stances;
  final Groups groups;
  private final Random random;

  /** @param communes how many communes each province has */
  RandomTables(long seed, int provinces, int communes) {
    this(seed, provinces, communes, CellTable.ANSWER_STANCES, Groups.ANSWERS);
  }

  RandomTables(long seed, int provinces, int communes, int stances, Groups groups) {
    this.stances = stances;
    this.groups = groups;
    this.random = new Random(seed);
    parent = new int[1 + provinces + provinces * communes];
    parent[0] = -1;
    for (int p = 0; p < provinces; p++) {
      parent[1 + p] = 0;
      for (int c = 0; c < communes; c++) {
        parent[1 + provinces + p * communes + c] = 1 + p;
      }
    }
    value = new long[parent.length * groups.count() * stances];
  }

  int communes() {
    int n = 0;
    for (int u = 0; u < parent.length; u++) {
      n += isLeaf(u) ? 1 : 0;
    }
    return n;
  }

  private boolean isLeaf(int unit) {
    for (int p : parent) {
      if (p == unit) {
        return false;
      }
    }
    return true;
  }

  /** Adds {@code people} random people to random communes, nine in ten approving. */
  RandomTables people(int people) {
    return people(people, 0.9, 0.06);
  }

  /**
   * Adds {@code people} random people to random communes, each approving with probability
   * {@code approve}, disapproving with {@code disapprove}, approving in part otherwise.
   */
  RandomTables people(int people, double approve, double disapprove) {
    int first = parent.length - communes();
    for (int i = 0; i < people; i++) {
      int commune = first + random.nextInt(parent.length - first);
      double roll = random.nextDouble();
      int stance = stances == 3 ? (roll < 0.7 ? 1 : 2) : roll < approve ? 1 : roll < approve + disapprove ? 2 : 3;
      int[] columns = new int[this.groups.breakdowns().size()];
      for (int d = 0; d < columns.length; d++) {
        Breakdown b = this.groups.breakdowns().get(d);
        int[] options = this.groups.of(b);
        // Channels: mostly self; other breakdowns uniform.
        columns[d] =
            b == Breakdown.CHANNEL
                ? options[random.nextDouble() < 0.8 ? 0 : random.nextDouble() < 0.7 ? 1 : 2]
                : options[random.nextInt(options.length)];
      }
      person(commune, stance, columns, 1);
    }
    return this;
  }

  /** Counts one person's answer in the commune and every unit above it ({@code sign} -1 takes it away). */
  void person(int commune, int stance, int[] groups, int sign) {
    CellTable shape = table();
    for (int u = commune; u >= 0; u = parent[u]) {
      for (int s : new int[] {CellTable.ANY, stance}) {
        value[shape.cell(u, Groups.ALL, s)] += sign;
        for (int g : groups) {
          value[shape.cell(u, g, s)] += sign;
        }
      }
    }
  }

  CellTable table() {
    return new CellTable(parent, value, stances, groups);
  }
}
