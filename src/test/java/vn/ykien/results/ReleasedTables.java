package vn.ykien.results;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.results.internal.CellTable;
import vn.ykien.results.internal.Groups;
import vn.ykien.results.internal.LinearAttack;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/** An item's released table as anyone can put it together from the published figures. */
record ReleasedTables(List<Long> unitIds, int[] parent, long[] published) {

  static ReleasedTables of(JdbcClient jdbc, Units units, long consultationId, long itemId) {
    Map<Long, long[]> rows = new HashMap<>();
    jdbc.sql("select unit_id, shown from results.unit_item where consultation_id = ? and item_id = ? order by unit_id")
        .params(consultationId, itemId)
        .query(rs -> {
          Array array = rs.getArray(2);
          Long[] boxed = (Long[]) array.getArray();
          long[] values = new long[boxed.length];
          for (int i = 0; i < values.length; i++) {
            values[i] = boxed[i];
          }
          rows.put(rs.getLong(1), values);
        });
    List<Long> ids = new ArrayList<>(rows.keySet());
    ids.sort(null);
    int[] parent = new int[ids.size()];
    int row = Groups.ANSWERS.count() * CellTable.ANSWER_STANCES;
    long[] published = new long[ids.size() * row];
    for (int i = 0; i < ids.size(); i++) {
      Unit unit = units.find(ids.get(i)).orElseThrow();
      parent[i] = unit.parentId() == null ? -1 : ids.indexOf(unit.parentId());
      System.arraycopy(rows.get(ids.get(i)), 0, published, i * row, row);
    }
    return new ReleasedTables(ids, parent, published);
  }

  LinearAttack attack() {
    return new LinearAttack(parent, published);
  }

  int cell(long unitId, int group, vn.ykien.opinion.Stance stance) {
    return (unitIds.indexOf(unitId) * Groups.ANSWERS.count() + group) * CellTable.ANSWER_STANCES + 1 + stance.ordinal();
  }

  long shown(int cell) {
    return published[cell];
  }
}
