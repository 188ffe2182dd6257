import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.ykien.results.Breakdown;
import vn.ykien.results.internal.CellTable;
import vn.ykien.results.internal.Groups;
import vn.ykien.results.internal.Sensitivity;
import vn.ykien.results.internal.Suppression;

/**
 * Complementary suppression of the national results table: the nation and its 34 provinces ×
 * ITEMS items × stances × every breakdown (age band, sex, occupation, channel), PARTICIPANTS
 * people drawn with the real run's shares (99.94 % approve) and provinces of unequal size. Prints
 * the time to protect each release and the share of stance cells hidden (all, and by age band).
 * Then a second release with one more person in one province, protected against the first.
 *   java -cp target/classes:... bench/ResultsSuppression.java [PARTICIPANTS] [ITEMS] [SEED] [COMMUNES_PER_PROVINCE]
 * With communes per province (0: none), the table goes down to communes as a release does: the
 * communes publish their everyone row only (as releases do since 2026-12-06); with
 * -Dleafgroups=true (JOPTS in the script) their group rows are published too, as before.
 */
public class ResultsSuppression {

  static final int K = 10;
  static final int GROUPS = Groups.ANSWERS.count();
  static final int STANCES = CellTable.ANSWER_STANCES;

  /** The cell of a unit, group and stance, laid out as {@link CellTable} lays out its values. */
  static int cell(int unit, int group, int stance) {
    return (unit * GROUPS + group) * STANCES + stance;
  }

  public static void main(String[] args) {
    long participants = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 2025;
    int communes = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Random random = new Random(seed);
    int provinces = 34;
    int[] parent = new int[1 + provinces + provinces * communes];
    parent[0] = -1;
    for (int c = 0; c < provinces * communes; c++) {
      parent[1 + provinces + c] = 1 + c / communes;
    }
    double[] weight = new double[provinces];
    double total = 0;
    for (int p = 0; p < provinces; p++) {
      parent[1 + p] = 0;
      weight[p] = 1.0 / Math.pow(p + 1, 0.6);
      total += weight[p];
    }
    double[] age = {0.05, 0.30, 0.22, 0.28, 0.15};
    double[] sex = {0.49, 0.51};
    double[] occupation = {0.12, 0.25, 0.15, 0.10, 0.02, 0.10, 0.05, 0.10, 0.06, 0.05};
    double[] channel = {0.80, 0.15, 0.05};
    double[] stance = {0.9994, 0.0004, 0.0002};
    System.out.printf("table: nation + %d provinces + %d communes, %d items, %d groups x %d stances; %,d participants, k=%d%n",
        provinces, provinces * communes, items, GROUPS, STANCES, participants, K);
    long cells = 0;
    long hidden = 0;
    long ageCells = 0;
    long ageHidden = 0;
    int withheld = 0;
    long millis = 0;
    long sensitive = 0;
    long approveCells = 0;
    long approveHidden = 0;
    long headlineCells = 0;
    long headlineHidden = 0;
    long[] nationHidden = new long[STANCES];
    long provinceApproveHidden = 0;
    long ageApproveCells = 0;
    long ageApproveHidden = 0;
    List<long[]> firstRelease = new ArrayList<>();
    List<long[]> values = new ArrayList<>();
    for (int item = 0; item < items; item++) {
      long[] value = new long[parent.length * GROUPS * STANCES];
      for (int place = 0; place < provinces * Math.max(1, communes); place++) {
        int p = communes == 0 ? place : place / communes;
        int unit = communes == 0 ? 1 + p : 1 + provinces + place;
        double people = participants * weight[p] / total / Math.max(1, communes);
        for (int a = 0; a < age.length; a++)
          for (int s = 0; s < sex.length; s++)
            for (int o = 0; o < occupation.length; o++)
              for (int c = 0; c < channel.length; c++)
                for (int st = 0; st < stance.length; st++) {
                  long n = poisson(random, people * age[a] * sex[s] * occupation[o] * channel[c] * stance[st]);
                  if (n > 0) {
                    add(value, parent, unit, new int[] {Groups.ANSWERS.of(Breakdown.AGE)[a], Groups.ANSWERS.of(Breakdown.SEX)[s],
                        Groups.ANSWERS.of(Breakdown.OCCUPATION)[o], Groups.ANSWERS.of(Breakdown.CHANNEL)[c]}, 1 + st, n);
                  }
                }
      }
      values.add(value);
      long started = System.nanoTime();
      CellTable table = new CellTable(parent, value);
      if (!Boolean.getBoolean("leafgroups")) table.leavesInTotalOnly();
      List<Suppression.Requirement> requirements = new ArrayList<>();
      for (int u = 0; u < table.units(); u++) {
        requirements.addAll(Sensitivity.of(table, u, null, K));
      }
      java.util.Set<Integer> primary = new java.util.HashSet<>();
      requirements.forEach(r -> primary.add(cell(r.unit(), r.group(), r.stance())));
      if (!Suppression.protect(table, requirements)) {
        withheld++;
      }
      millis += (System.nanoTime() - started) / 1_000_000;
      sensitive += primary.size();
      for (int u = 0; u < table.units(); u++)
        for (int g = 0; g < GROUPS; g++) {
          if (table.unpublished(cell(u, g, 1))) {
            continue;
          }
          approveCells++;
          approveHidden += table.hidden(cell(u, g, 1)) ? 1 : 0;
        }
      // The headline: the everyone row of the nation and of each province, every stance.
      for (int u = 0; u < 1 + provinces; u++)
        for (int s = 1; s < STANCES; s++) {
          headlineCells++;
          headlineHidden += table.hidden(cell(u, Groups.ALL, s)) ? 1 : 0;
          if (u == 0) nationHidden[s] += table.hidden(cell(u, Groups.ALL, s)) ? 1 : 0;
          else if (s == 1) provinceApproveHidden += table.hidden(cell(u, Groups.ALL, s)) ? 1 : 0;
        }
      cells += table.stanceCellsWithAnswers();
      hidden += table.hiddenWithAnswers();
      // The figure: the nation and its provinces by item, stance and age band.
      for (int u = 0; u < 1 + provinces; u++)
        for (int g : Groups.ANSWERS.of(Breakdown.AGE))
          for (int s = 1; s < STANCES; s++) {
            int cell = cell(u, g, s);
            if (table.value(cell) > 0) {
              ageCells++;
              ageHidden += table.hidden(cell) ? 1 : 0;
              if (s == 1) {
                ageApproveCells++;
                ageApproveHidden += table.hidden(cell) ? 1 : 0;
              }
            }
          }
      firstRelease.add(table.published());
    }
    System.out.printf("release 1: protect_ms=%d (%.1f ms per item), cells=%d hidden=%d hidden_share=%.2f%% withheld_items=%d%n",
        millis, (double) millis / items, cells, hidden, 100.0 * hidden / cells, withheld);
    System.out.printf("release 1: sensitive cells (small, or in a row under k)=%d; approval figures hidden %d of %d (%.2f%%)%n",
        sensitive, approveHidden, approveCells, 100.0 * approveHidden / approveCells);
    System.out.printf("release 1, nation everyone row hidden in items: approve=%d disapprove=%d partly=%d of %d; province approve hidden %d of %d%n",
        nationHidden[1], nationHidden[2], nationHidden[3], items, provinceApproveHidden, provinces * items);
    System.out.printf("release 1, nation and provinces x item x stance, everyone: cells=%d hidden=%d hidden_share=%.2f%%%n",
        headlineCells, headlineHidden, 100.0 * headlineHidden / headlineCells);
    System.out.printf("release 1, nation and provinces x item x stance x age band: cells=%d hidden=%d hidden_share=%.2f%%%n",
        ageCells, ageHidden, 100.0 * ageHidden / ageCells);
    System.out.printf("release 1, nation and provinces x item x age band, approve: cells=%d hidden=%d hidden_share=%.2f%%%n",
        ageApproveCells, ageApproveHidden, 100.0 * ageApproveHidden / ageApproveCells);

    // Release 2: one more person, helped at a support point in the last unit, approves.
    long started = System.nanoTime();
    cells = 0;
    hidden = 0;
    withheld = 0;
    for (int item = 0; item < items; item++) {
      long[] value = values.get(item);
      add(value, parent, parent.length - 1, new int[] {Groups.ANSWERS.of(Breakdown.AGE)[4], Groups.ANSWERS.of(Breakdown.SEX)[0],
          Groups.ANSWERS.of(Breakdown.OCCUPATION)[7], Groups.ANSWERS.of(Breakdown.CHANNEL)[1]}, 1, 1);
      CellTable table = new CellTable(parent, value);
      if (!Boolean.getBoolean("leafgroups")) table.leavesInTotalOnly();
      List<Suppression.Requirement> requirements = new ArrayList<>();
      long[] before = firstRelease.get(item);
      int size = GROUPS * STANCES;
      for (int u = 0; u < table.units(); u++) {
        long[] shown = java.util.Arrays.copyOfRange(before, u * size, (u + 1) * size);
        long[] people = new long[size];
        for (int c = 0; c < size; c++) {
          people[c] = shown[c - c % STANCES];
        }
        requirements.addAll(Sensitivity.of(table, u, new Sensitivity.History(shown, people), K));
      }
      if (!Suppression.protect(table, requirements)) {
        withheld++;
      }
      cells += table.stanceCellsWithAnswers();
      hidden += table.hiddenWithAnswers();
    }
    System.out.printf("release 2 (one more person): protect_ms=%d, cells=%d hidden=%d hidden_share=%.2f%% withheld_items=%d%n",
        (System.nanoTime() - started) / 1_000_000, cells, hidden, 100.0 * hidden / cells, withheld);
  }

  /** Counts n people of one joint group in a unit and every unit above it. */
  static void add(long[] value, int[] parent, int unit, int[] groups, int stance, long n) {
    for (int u = unit; u >= 0; u = parent[u]) {
      for (int s : new int[] {CellTable.ANY, stance}) {
        value[cell(u, Groups.ALL, s)] += n;
        for (int g : groups) {
          value[cell(u, g, s)] += n;
        }
      }
    }
  }

  static long poisson(Random random, double mean) {
    if (mean > 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double l = Math.exp(-mean);
    long k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
