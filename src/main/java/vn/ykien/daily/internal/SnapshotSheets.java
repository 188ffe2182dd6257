package vn.ykien.daily.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
 * A snapshot as a spreadsheet (XLSX) or a CSV file, one row per unit, streamed: rows are read from
 * the database in pages of {@link #PAGE} by unit id and written through POI's SXSSF window (or
 * straight to the CSV writer), so the heap holds one page whatever the size of the country.
 */
@Component
public class SnapshotSheets {

  static final int PAGE = 2_000;

  private final JdbcClient jdbc;
  private final Units units;

  SnapshotSheets(JdbcClient jdbc, Units units) {
    this.jdbc = jdbc;
    this.units = units;
  }

  /** One unit's row: the unit, its eligible at opening (null: none frozen), its figures in the layout's order. */
  private record Line(Unit unit, @Nullable Long eligible, Long[] values) {}

  /**
   * Writes the snapshot's units (those in {@code within}, or all when null) to {@code out} as XLSX.
   *
   * @param headings the column headings: unit code, unit, level, eligible at opening, then one per figure
   */
  public void xlsx(Snapshot snapshot, @Nullable Set<Long> within, List<String> headings, Function<Unit, String> kindName,
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
      int[] r = {1};
      lines(snapshot, within, line -> {
        Row row = sheet.createRow(r[0]++);
        row.createCell(0).setCellValue(line.unit().code());
        row.createCell(1).setCellValue(line.unit().fullName(locale));
        row.createCell(2).setCellValue(kindName.apply(line.unit()));
        if (line.eligible() != null) {
          row.createCell(3).setCellValue(line.eligible());
        }
        for (int i = 0; i < line.values().length; i++) {
          row.createCell(4 + i).setCellValue(line.values()[i]);
        }
      });
      workbook.write(out);
    }
  }

  /**
   * The same as CSV: UTF-8 with a byte order mark (so spreadsheet programs read the Vietnamese
   * names right), the headings first, an empty field where no eligible count was frozen.
   */
  public void csv(Snapshot snapshot, @Nullable Set<Long> within, List<String> headings, Function<Unit, String> kindName,
      OutputStream out, Locale locale) throws IOException {
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CsvWriter csv = CsvWriter.builder().build(writer);
    csv.writeRecord(headings);
    List<String> fields = new ArrayList<>();
    lines(snapshot, within, line -> {
      fields.clear();
      fields.add(line.unit().code());
      fields.add(line.unit().fullName(locale));
      fields.add(kindName.apply(line.unit()));
      fields.add(line.eligible() == null ? "" : Long.toString(line.eligible()));
      for (Long value : line.values()) {
        fields.add(Long.toString(value));
      }
      csv.writeRecord(fields);
    });
    csv.flush();
  }

  /** Hands each unit's line to {@code each}, reading them a page at a time in unit id order. */
  private void lines(Snapshot snapshot, @Nullable Set<Long> within, Consumer<Line> each) {
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
        return;
      }
      after = (Long) page.getLast()[0];
      Map<Long, Unit> found = units.findAll(page.stream().map(row -> (Long) row[0]).toList());
      for (Object[] row : page) {
        Unit unit = found.get((Long) row[0]);
        if (unit != null && (within == null || within.contains(unit.id()))) {
          each.accept(new Line(unit, (Long) row[1], (Long[]) row[2]));
        }
      }
    }
  }
}
