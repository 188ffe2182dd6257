package vn.ykien.registry.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks made to hurt the importer: a zip bomb, a text table whose zip entry lies about its
 * size, XML nested without end, a cell of megabytes, a table that announces two billion strings,
 * an entity bomb. Each is refused while it is read, quickly and within a few megabytes of memory,
 * or read for what it really holds (issue 12, point 10). The limits are lowered so that the files
 * stay small; the importer's own limits are larger, and measured the same way.
 */
class HostileWorkbooksTests {

  static final long TEXT_LIMIT = 1L << 20;
  static final int TAG_LIMIT = 64 << 10;

  @TempDir Path dir;

  final List<List<String>> rows = new ArrayList<>();

  /** Reads the workbook with small limits: what it gave, or the exception that stopped it. */
  void read(Path file) throws IOException {
    new XlsxRows(TEXT_LIMIT, 4_096, TAG_LIMIT).read(file, UnaryOperator.identity(), (line, fields) -> rows.add(fields));
  }

  @Test
  void anOrdinaryWorkbookIsReadRowByRow() throws IOException {
    Path file = workbook("ordinary.xlsx", sst("<si><t>Nguyễn Văn An</t></si>", 1), sheet("""
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>14167-01</t></is></c></row>"""));

    read(file);

    assertThat(rows).containsExactly(List.of("Nguyễn Văn An", "14167-01"));
  }

  @Test
  void aTextTableLargerThanItsZipEntryDeclaresIsRefusedWhileItIsInflated() throws IOException {
    // 2 MB of random digits (they do not compress away), declared as 100 bytes.
    Path file = workbook("lying.xlsx", out -> {
      var random = new SplittableRandom(7);
      write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
      for (int i = 0; i < 2_000; i++) {
        var text = new StringBuilder("<si><t>");
        for (int j = 0; j < 1_000; j++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
        write(out, text.append("</t></si>").toString());
      }
      write(out, "</sst>");
    }, sheet(""));
    declareSize(file, "xl/sharedStrings.xml", 100);

    assertThatThrownBy(() -> read(file)).isInstanceOf(XlsxRows.WorkbookTooLarge.class);
  }

  @Test
  void aZipBombIsRefusedBeforeItIsInflated() throws IOException {
    // 64 MB of one repeated row compress to a few hundred kilobytes.
    Path file = workbook("bomb.xlsx", sst("", 0), out -> {
      write(out, SHEET_START);
      byte[] row = "<row r=\"1\"></row>".repeat(4_096).getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written < 64L << 20; written += row.length) {
        out.write(row);
      }
      write(out, SHEET_END);
    });

    assertThatThrownBy(() -> read(file)).isInstanceOf(IOException.class);
    assertThat(rows).isEmpty();
  }

  @Test
  void xmlNestedWithoutEndIsRefused() throws IOException {
    Path file = workbook("deep.xlsx", sst("", 0), sheet("<x>".repeat(100_000) + "</x>".repeat(100_000)));

    assertThatThrownBy(() -> read(file)).isInstanceOf(IOException.class).hasMessageContaining("deeper");
  }

  @Test
  void aCellOfMegabytesIsRefusedWhileItIsRead() throws IOException {
    Path file = workbook("huge-cell.xlsx", sst("", 0), sheet(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>" + "<r><t>abcdefghij</t></r>".repeat(200_000) + "</is></c></row>"));

    assertThatThrownBy(() -> read(file)).isInstanceOf(XlsxRows.WorkbookTooLarge.class);
  }

  @Test
  void anAttributeOfMegabytesIsRefusedBeforeTheParserHoldsIt() throws IOException {
    // 2 MB of random digits (they pass the zip bomb check) in one attribute of one cell.
    Path file = workbook("huge-attribute.xlsx", sst("", 0), out -> {
      write(out, SHEET_START + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\" x=\"");
      var random = new SplittableRandom(11);
      byte[] digits = new byte[2 << 20];
      for (int i = 0; i < digits.length; i++) {
        digits[i] = (byte) ('0' + random.nextInt(10));
      }
      out.write(digits);
      write(out, "\"><is><t>x</t></is></c></row>" + SHEET_END);
    });

    assertThatThrownBy(() -> read(file)).isInstanceOf(XlsxRows.WorkbookTooLarge.class).hasMessageContaining("tag");
    assertThat(rows).isEmpty();
  }

  @Test
  void aCellBeyondTheLastColumnIsRefused() throws IOException {
    Path file = workbook("far-column.xlsx", sst("", 0), sheet(
        "<row r=\"1\"><c r=\"XFE1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"));

    assertThatThrownBy(() -> read(file)).isInstanceOf(XlsxRows.WorkbookTooLarge.class);
  }

  @Test
  void aSharedStringOfManyRunsIsCountedWhole() throws IOException {
    Path file = workbook("many-runs.xlsx", sst("<si>" + "<r><rPr><b/></rPr><t>abcdefghij</t></r>".repeat(1_000) + "</si>", 1),
        sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"));

    assertThatThrownBy(() -> read(file)).isInstanceOf(XlsxRows.WorkbookTooLarge.class);
  }

  @Test
  void aTableAnnouncingTwoBillionStringsIsReadForWhatItHolds() throws IOException {
    Path file = workbook("announced.xlsx",
        out -> write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " count=\"2147483647\" uniqueCount=\"2147483647\"><si><t>Trần Thị Bình</t></si></sst>"),
        sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"));

    read(file);

    assertThat(rows).containsExactly(List.of("Trần Thị Bình"));
  }

  @Test
  void anEntityBombIsRefused() throws IOException {
    String bomb = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>""";
    Path file = workbook("entities.xlsx", sst("", 0), out -> write(out, bomb.strip() + SHEET_START
        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t></is></c></row>" + SHEET_END));

    assertThatThrownBy(() -> read(file)).isInstanceOf(IOException.class);
    assertThat(rows).isEmpty();
  }

  // --- building workbooks -------------------------------------------------------------------

  interface Part {
    void writeTo(OutputStream out) throws IOException;
  }

  static final String SHEET_START =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  static final String SHEET_END = "</sheetData></worksheet>";

  static Part sst(String items, int count) {
    return out -> write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""
        + count + "\" uniqueCount=\"" + count + "\">" + items + "</sst>");
  }

  static Part sheet(String rows) {
    return out -> write(out, SHEET_START + rows + SHEET_END);
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  Path workbook(String name, Part sharedStrings, Part sheet) throws IOException {
    Path file = dir.resolve(name);
    try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(9);
      entry(zip, "[Content_Types].xml", out -> write(out, """
          <?xml version="1.0" encoding="UTF-8"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
          <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
          <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
          </Types>""".strip()));
      entry(zip, "_rels/.rels", out -> write(out, """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
          </Relationships>""".strip()));
      entry(zip, "xl/workbook.xml", out -> write(out, """
          <?xml version="1.0" encoding="UTF-8"?>
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>""".strip()));
      entry(zip, "xl/_rels/workbook.xml.rels", out -> write(out, """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
          </Relationships>""".strip()));
      entry(zip, "xl/sharedStrings.xml", sharedStrings);
      entry(zip, "xl/worksheets/sheet1.xml", sheet);
    }
    return file;
  }

  private static void entry(ZipOutputStream zip, String name, Part content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    content.writeTo(zip);
    zip.closeEntry();
  }

  /** Rewrites the uncompressed size the zip's central directory declares for an entry. */
  static void declareSize(Path file, String entry, int size) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] name = entry.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
      if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02
          && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
        for (int b = 0; b < 4; b++) {
          bytes[i + 24 + b] = (byte) (size >>> (8 * b));
        }
        Files.write(file, bytes);
        return;
      }
    }
    throw new IllegalStateException("no central directory entry " + entry);
  }
}
