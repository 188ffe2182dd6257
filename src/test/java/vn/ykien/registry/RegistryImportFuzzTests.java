package vn.ykien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.IntegrationTest;

/**
 * Generated population lists, most of them broken (CSV: stray quotes, wrong column counts, bytes
 * that are not UTF-8, NUL, BOMs, mixed line ends, odd values; XLSX: a valid workbook with bytes
 * flipped or cut): every import ends in a report, never an exception, and a list that is not
 * applied leaves nobody of it in the registry (issue 12, point 11). Seeded: a failure names its
 * seed and case, and replays.
 */
@IntegrationTest
class RegistryImportFuzzTests {

  static final long SEED = 20251130L;

  @Autowired RegistryImport registryImport;
  @Autowired JdbcClient jdbc;

  @TempDir Path dir;

  @Test
  void everyGeneratedListEndsInAReportAndARefusedOneStoresNobody() throws Exception {
    var random = new SplittableRandom(SEED);
    List<String> failures = new ArrayList<>();
    int applied = 0;
    int refused = 0;
    for (int n = 0; n < 80 && failures.size() < 5; n++) {
      String prefix = "088%06d".formatted(n);
      Path file =
          n % 4 == 3 ? xlsx(random, prefix, dir.resolve("fuzz-" + n + ".xlsx")) : csv(random, prefix, dir.resolve("fuzz-" + n + ".csv"));
      ImportReport report;
      try {
        report = registryImport.importFile(file, ImportOptions.allOrNothing("2026-07"), ImportProgress.NONE);
      } catch (RuntimeException escaped) {
        failures.add("case %d (%s): %s".formatted(n, file.getFileName(), escaped));
        continue;
      }
      if (report.applied()) {
        applied++;
      } else {
        refused++;
      }
      long stored =
          jdbc.sql("select count(*) from registry.resident where citizen_id like ?").param(prefix + "%").query(Long.class).single();
      if (!report.applied() && stored != 0) {
        failures.add("case %d (%s): not applied but %d people stored".formatted(n, file.getFileName(), stored));
      }
      if (!report.applied() && report.errorsByReason().isEmpty()) {
        failures.add("case %d (%s): not applied and no reason given".formatted(n, file.getFileName()));
      }
    }
    assertThat(failures).as("seed " + SEED).isEmpty();
    // The generator reaches both sides: lists applied, and lists refused.
    assertThat(applied).isGreaterThan(5);
    assertThat(refused).isGreaterThan(5);
  }

  static final String HEADER =
      "citizen_id,full_name,birth_date,sex,household_code,household_address,household_head,"
          + "unit_code,eid_state,eid_level,occupation,memberships";

  /** Rows of a valid list for these people (12-digit ids starting with the prefix). */
  static List<String[]> rows(String prefix, int count) {
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      rows.add(new String[] {
        prefix + "%03d".formatted(i), "Nguyễn Thị " + (char) ('A' + i % 26), "1980-04-0" + (1 + i % 9), i % 2 == 0 ? "F" : "M",
        prefix + "H" + (i % 3), "Nhà số " + i, i % 3 == 1 ? "1" : "0", "14167-04", "ACTIVATED", "2", "FARMER", "PARTY"
      });
    }
    return rows;
  }

  static Path csv(SplittableRandom random, String prefix, Path file) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (String[] row : rows(prefix, 1 + random.nextInt(6))) {
      String[] fields = row.clone();
      for (int m = random.nextInt(3); m > 0; m--) {
        int at = random.nextInt(fields.length);
        fields[at] = switch (random.nextInt(10)) {
          case 0 -> "";
          case 1 -> "\"" + fields[at];
          case 2 -> fields[at] + "\",\"";
          case 3 -> "nul\u0000here";
          case 4 -> "x".repeat(random.nextInt(5_000));
          case 5 -> "2025-02-30";
          case 6 -> "-1";
          case 7 -> "𝓮𝓶𝓸𝓳𝓲 🇻🇳";
          case 8 -> "=HYPERLINK(\"http://x\")";
          default -> fields[at] + "," + fields[at];
        };
      }
      lines.add(String.join(",", fields));
    }
    String text = String.join(random.nextBoolean() ? "\n" : "\r\n", lines) + (random.nextBoolean() ? "\n" : "");
    byte[] bytes = ((random.nextInt(5) == 0 ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(6)) {
      case 0 -> bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
      case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      case 2 -> bytes = new String(bytes, StandardCharsets.UTF_8).getBytes(java.nio.charset.Charset.forName("windows-1258"));
      default -> {}
    }
    Files.write(file, bytes);
    return file;
  }

  static Path xlsx(SplittableRandom random, String prefix, Path file) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    try (var workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet("DC01");
      String[] header = HEADER.split(",");
      var first = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        first.createCell(i).setCellValue(header[i]);
      }
      int r = 1;
      for (String[] row : rows(prefix, 1 + random.nextInt(6))) {
        var cells = sheet.createRow(r++);
        for (int i = 0; i < row.length; i++) {
          cells.createCell(i).setCellValue(row[i]);
        }
      }
      workbook.write(out);
    }
    byte[] bytes = out.toByteArray();
    switch (random.nextInt(3)) {
      case 0 -> {
        for (int m = 1 + random.nextInt(8); m > 0; m--) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
      }
      case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      default -> {}
    }
    Files.write(file, bytes);
    return file;
  }
}
