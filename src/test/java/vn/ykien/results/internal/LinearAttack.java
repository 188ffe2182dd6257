package vn.ykien.results.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import vn.ykien.results.Breakdown;

/**
 * What an attacker learns from a published table: for a hidden cell, the least and the most it can
 * hold given every figure shown and every sum the table obeys (over stances, over each
 * breakdown, over the units below a unit), by linear programming — the audit sdcTable and
 * tau-Argus run.
 */
public final class LinearAttack {

  private final List<LinearConstraint> constraints = new ArrayList<>();
  private final Map<Integer, Integer> variable = new HashMap<>();

  /**
   * @param parent each unit's parent (-1 for the top)
   * @param published the cells ({@link CellTable#cell} order), -1 where hidden
   */
  public LinearAttack(int[] parent, long[] published) {
    this(new CellTable(parent, new long[published.length]), published);
  }

  /**
   * @param shape a table of the published one's units, stances and groups (its values unused)
   * @param published the cells ({@link CellTable#cell} order), -1 where hidden
   */
  public LinearAttack(CellTable shape, long[] published) {
    int[] parent = new int[shape.units()];
    for (int u = 0; u < parent.length; u++) {
      parent[u] = shape.parent(u);
    }
    Groups groups = shape.groups();
    for (int c = 0; c < published.length; c++) {
      if (published[c] < 0) {
        variable.put(c, variable.size());
      }
    }
    int units = parent.length;
    for (int u = 0; u < units; u++) {
      for (int g = 0; g < groups.count(); g++) {
        List<Integer> parts = new ArrayList<>();
        for (int s = 1; s < shape.stances(); s++) {
          parts.add(shape.cell(u, g, s));
        }
        sum(published, parts, shape.cell(u, g, CellTable.ANY));
      }
      for (int s = 0; s < shape.stances(); s++) {
        for (Breakdown breakdown : groups.breakdowns()) {
          List<Integer> parts = new ArrayList<>();
          for (int g : groups.of(breakdown)) {
            parts.add(shape.cell(u, g, s));
          }
          sum(published, parts, shape.cell(u, Groups.ALL, s));
        }
      }
    }
    for (int p = 0; p < units; p++) {
      List<Integer> below = new ArrayList<>();
      for (int u = 0; u < units; u++) {
        if (parent[u] == p) {
          below.add(u);
        }
      }
      if (below.isEmpty()) {
        continue;
      }
      for (int g = 0; g < groups.count(); g++) {
        for (int s = 0; s < shape.stances(); s++) {
          List<Integer> parts = new ArrayList<>();
          for (int u : below) {
            parts.add(shape.cell(u, g, s));
          }
          sum(published, parts, shape.cell(p, g, s));
        }
      }
    }
  }

  /** Adds "the parts add up to the total", with what is shown moved to the right-hand side. */
  private void sum(long[] published, List<Integer> parts, int total) {
    double[] coefficients = new double[variable.size()];
    double known = 0;
    boolean any = false;
    for (int part : parts) {
      if (published[part] < 0) {
        coefficients[variable.get(part)] += 1;
        any = true;
      } else {
        known -= published[part];
      }
    }
    if (published[total] < 0) {
      coefficients[variable.get(total)] -= 1;
      any = true;
    } else {
      known += published[total];
    }
    if (any) {
      constraints.add(new LinearConstraint(coefficients, Relationship.EQ, known));
    }
  }

  public boolean isHidden(int cell) {
    return variable.containsKey(cell);
  }

  /** The least a hidden cell can hold. */
  public double least(int cell) {
    return bound(cell, GoalType.MINIMIZE);
  }

  /** The most a hidden cell can hold. */
  public double most(int cell) {
    return bound(cell, GoalType.MAXIMIZE);
  }

  private double bound(int cell, GoalType goal) {
    double[] objective = new double[variable.size()];
    objective[variable.get(cell)] = 1;
    PointValuePair solution =
        new SimplexSolver()
            .optimize(
                new MaxIter(100_000),
                new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(constraints),
                goal,
                new NonNegativeConstraint(true));
    return solution.getValue();
  }
}
