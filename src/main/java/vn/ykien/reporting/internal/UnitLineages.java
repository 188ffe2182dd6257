package vn.ykien.reporting.internal;

import java.sql.Array;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
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
  private final Map<Long, long[]> content = new ConcurrentHashMap<>();

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
      lineage = units.ancestorIds(List.of(unitId)).get(unitId);
      if (lineage == null) {
        throw new IllegalStateException("unknown unit " + unitId);
      }
      store(Map.of(unitId, lineage));
    }
    known.put(unitId, lineage);
    return lineage;
  }

  /**
   * The units a person's answers are counted in: their lineage without the village (content is
   * never placed below the commune, issue 12: a village's cell of one would show one person's
   * answers beside who took part there).
   */
  public long[] contentOf(long unitId) {
    long[] lineage = content.get(unitId);
    if (lineage != null) {
      return lineage;
    }
    long[] all = of(unitId);
    boolean village =
        units.find(unitId).map(unit -> unit.kind() == vn.ykien.units.UnitKind.VILLAGE).orElse(false);
    lineage = village ? java.util.Arrays.copyOfRange(all, 1, all.length) : all;
    content.put(unitId, lineage);
    return lineage;
  }

  /** Makes sure each of these units has its lineage stored (units unknown to every edition are left). */
  public void cover(java.util.Collection<Long> unitIds) {
    // Read from the table, not the memory: a lineage learnt in a reader's batch that rolled back
    // is known here but not stored.
    java.util.Set<Long> stored = new java.util.HashSet<>();
    jdbc.sql("select unit_id, lineage from reporting.unit_lineage")
        .query((java.sql.ResultSet rs) -> {
          stored.add(rs.getLong(1));
          known.put(rs.getLong(1), toLongs(rs.getArray(2)));
        });
    List<Long> missing = unitIds.stream().filter(id -> !stored.contains(id)).toList();
    for (int from = 0; from < missing.size(); from += 10_000) {
      Map<Long, long[]> found = units.ancestorIds(missing.subList(from, Math.min(missing.size(), from + 10_000)));
      store(found);
      known.putAll(found);
    }
  }

  private void store(Map<Long, long[]> lineages) {
    List<Object[]> rows = new java.util.ArrayList<>();
    lineages.forEach((unit, lineage) -> rows.add(new Object[] {unit, java.util.Arrays.stream(lineage).boxed().toArray(Long[]::new)}));
    for (Object[] row : rows) {
      jdbc.sql("insert into reporting.unit_lineage (unit_id, lineage) values (?, ?) on conflict do nothing")
          .params(row)
          .update();
    }
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
