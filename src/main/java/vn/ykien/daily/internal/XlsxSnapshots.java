package vn.ykien.daily.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ykien.daily.Snapshot;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * A snapshot as a spreadsheet, one row per unit, streamed: rows are read from the database in
 * pages of {@link #PAGE} by unit id and written through POI's SXSSF window, so the heap holds one
 * page whatever the size of the country.
 */
@Component
public class XlsxSnapshots {

  static final int PAGE = 2_000;

  private final JdbcClient jdbc;
  private final Units units;

  XlsxSnapshots(JdbcClient jdbc, Units units) {
    this.jdbc = jdbc;
    this.units = units;
  }

  /**
   * Writes the snapshot's units (those in {@code within}, or all when null) to {@code out}.
   *
   * @param headings the column headings: unit code, unit, level, eligible at opening, then one per figure
   */
  public void write(Snapshot snapshot, @Nullable Set<Long> within, List<String> headings, Function<Unit, String> kindName,
      OutputStream out, Locale locale) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      workbook.setCompressTempFiles(true);
      Sheet sheet = workbook.createSheet(snapshot.level() + " " + snapshot.day());
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int c = 0; c < headings.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(headings.get(c));
        cell.setCellStyle(bold);
      }
      int r = 1;
      long after = -1;
      while (true) {
        List<Object[]> page = new ArrayList<>(PAGE);
        jdbc.sql(
                """
                select unit_id, eligible_at_opening, figures from daily.snapshot_unit
                where snapshot_id = ? and unit_id > ? order by unit_id limit ?
                """)
            .params(snapshot.id(), after, PAGE)
            .query((java.sql.ResultSet rs) -> {
              long atOpening = rs.getLong(2);
              Long eligible = rs.wasNull() ? null : atOpening;
              page.add(new Object[] {rs.getLong(1), eligible, rs.getArray(3).getArray()});
            });
        if (page.isEmpty()) {
          break;
        }
        after = (Long) page.getLast()[0];
        Map<Long, Unit> found = units.findAll(page.stream().map(row -> (Long) row[0]).toList());
        for (Object[] row : page) {
          Unit unit = found.get((Long) row[0]);
          if (unit == null || (within != null && !within.contains(unit.id()))) {
            continue;
          }
          Row line = sheet.createRow(r++);
          line.createCell(0).setCellValue(unit.code());
          line.createCell(1).setCellValue(unit.fullName(locale));
          line.createCell(2).setCellValue(kindName.apply(unit));
          if (row[1] != null) {
            line.createCell(3).setCellValue((Long) row[1]);
          }
          Long[] values = (Long[]) row[2];
          for (int i = 0; i < values.length; i++) {
            line.createCell(4 + i).setCellValue(values[i]);
          }
        }
      }
      workbook.write(out);
    }
  }
}
