package vn.ykien.reporting.internal;

import java.sql.Array;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Each unit with the units above it (itself first), so that a change is counted at every level
 * in one pass and a page reads one row per unit: no tree walk, no list of ids. Kept in memory and
 * in {@code reporting.unit_lineage}; a unit's place in its edition never changes.
 */
@Component
public class UnitLineages {

  private final JdbcClient jdbc;
  private final Units units;
  private final Map<Long, long[]> known = new ConcurrentHashMap<>();

  UnitLineages(JdbcClient jdbc, Units units) {
    this.jdbc = jdbc;
    this.units = units;
  }

  /** The unit and every unit above it, the unit itself first. */
  public long[] of(long unitId) {
    long[] lineage = known.get(unitId);
    if (lineage != null) {
      return lineage;
    }
    lineage = jdbc.sql("select lineage from reporting.unit_lineage where unit_id = ?")
        .param(unitId)
        .query((rs, n) -> toLongs(rs.getArray(1)))
        .optional()
        .orElse(null);
    if (lineage == null) {
      List<Unit> chain = units.lineage(unitId);
      if (chain.isEmpty()) {
        throw new IllegalStateException("unknown unit " + unitId);
      }
      lineage = new long[chain.size()];
      for (int i = 0; i < chain.size(); i++) {
        // Units.lineage runs from the top down; here the unit comes first.
        lineage[i] = chain.get(chain.size() - 1 - i).id();
      }
      jdbc.sql("insert into reporting.unit_lineage (unit_id, lineage) values (?, ?) on conflict do nothing")
          .params(unitId, java.util.Arrays.stream(lineage).boxed().toArray(Long[]::new))
          .update();
    }
    known.put(unitId, lineage);
    return lineage;
  }

  /** Makes sure each of these units has its lineage stored and known. */
  public void cover(java.util.Collection<Long> unitIds) {
    unitIds.forEach(this::of);
  }

  private static long[] toLongs(Array array) throws java.sql.SQLException {
    Long[] values = (Long[]) array.getArray();
    long[] longs = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      longs[i] = values[i];
    }
    return longs;
  }
}
