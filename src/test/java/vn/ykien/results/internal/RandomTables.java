package vn.ykien.results.internal;

import java.util.Random;
import vn.ykien.results.Breakdown;

/** Tables of made-up people: a nation, provinces, communes; answers skewed towards approval. */
final class RandomTables {

  final int[] parent;
  final long[] value;
  private final Random random;

  /** @param communes how many communes each province has */
  RandomTables(long seed, int provinces, int communes) {
    this.random = new Random(seed);
    parent = new int[1 + provinces + provinces * communes];
    parent[0] = -1;
    for (int p = 0; p < provinces; p++) {
      parent[1 + p] = 0;
      for (int c = 0; c < communes; c++) {
        parent[1 + provinces + p * communes + c] = 1 + p;
      }
    }
    value = new long[parent.length * Groups.COUNT * CellTable.STANCES];
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

  /** Adds {@code people} random people to random communes. */
  RandomTables people(int people) {
    int first = parent.length - communes();
    for (int i = 0; i < people; i++) {
      int commune = first + random.nextInt(parent.length - first);
      double roll = random.nextDouble();
      int stance = roll < 0.9 ? 1 : roll < 0.96 ? 2 : 3;
      int[] groups = new int[Breakdown.values().length];
      for (Breakdown b : Breakdown.values()) {
        int[] columns = Groups.of(b);
        // Channels: mostly self; other breakdowns uniform.
        groups[b.ordinal()] =
            b == Breakdown.CHANNEL
                ? columns[random.nextDouble() < 0.8 ? 0 : random.nextDouble() < 0.7 ? 1 : 2]
                : columns[random.nextInt(columns.length)];
      }
      person(commune, stance, groups, 1);
    }
    return this;
  }

  /** Counts one person's answer in the commune and every unit above it ({@code sign} -1 takes it away). */
  void person(int commune, int stance, int[] groups, int sign) {
    for (int u = commune; u >= 0; u = parent[u]) {
      for (int s : new int[] {CellTable.ANY, stance}) {
        value[CellTable.cell(u, Groups.ALL, s)] += sign;
        for (int g : groups) {
          value[CellTable.cell(u, g, s)] += sign;
        }
      }
    }
  }

  CellTable table() {
    return new CellTable(parent, value);
  }
}
