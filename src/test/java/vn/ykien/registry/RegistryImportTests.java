package vn.ykien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.text.Normalizer;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ykien.IntegrationTest;
import vn.ykien.shared.CitizenId;

@IntegrationTest
class RegistryImportTests {

  static final String HEADER =
      "citizen_id,full_name,birth_date,sex,household_code,household_address,household_head,"
          + "unit_code,eid_state,eid_level,occupation,memberships\n";
  static final AtomicInteger FILES = new AtomicInteger();

  @Autowired RegistryImport registryImport;
  @Autowired Residents residents;
  @Autowired vn.ykien.registry.cli.RegistryCommand.Sample sample;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @TempDir Path dir;

  /** A fresh 9-digit prefix per file, so files of different tests never share people. */
  final String prefix = "077" + "%06d".formatted(FILES.incrementAndGet() * 1000 + (int) (System.nanoTime() % 997));

  String id(int n) {
    return prefix + "%03d".formatted(n);
  }

  Path csv(String body) throws Exception {
    Path file = dir.resolve("dc01-" + FILES.incrementAndGet() + ".csv");
    Files.writeString(file, HEADER + body, StandardCharsets.UTF_8);
    return file;
  }

  String row(int n, String name, String unit, String household) {
    return "%s,%s,1980-04-0%d,F,%s,\"Nhà %s, Tổ dân phố 4\",%s,%s,ACTIVATED,2,FARMER,PARTY;WOMEN_UNION\n"
        .formatted(id(n), name, 1 + n % 9, household, household, n == 1 ? "1" : "0", unit);
  }

  ImportReport importAllOrNothing(Path file) {
    return registryImport.importFile(file, ImportOptions.allOrNothing("2026-07"), ImportProgress.NONE);
  }

  @Test
  void importsAValidFileAndReimportingItChangesNothing() throws Exception {
    Path file =
        csv(row(1, "Nguyễn Thị Hoa", "14167-04", prefix + "H1")
            + row(2, "Trần Văn Nam", "14167-04", prefix + "H1")
            + row(3, "Lê Thị Mai", "14167-05", prefix + "H2"));

    ImportReport first = importAllOrNothing(file);
    ImportReport second = importAllOrNothing(file);

    assertThat(first.applied()).isTrue();
    assertThat(first.rows()).isEqualTo(3);
    assertThat(first.inserted()).isEqualTo(3);
    assertThat(first.errorCount()).isZero();
    assertThat(second.inserted()).isZero();
    assertThat(second.updated()).isZero();
    assertThat(second.unchanged()).isEqualTo(3);
    Resident hoa = residents.find(CitizenId.of(id(1))).orElseThrow();
    assertThat(hoa.fullName()).isEqualTo("Nguyễn Thị Hoa");
    assertThat(hoa.eidAccount()).isEqualTo(EidAccount.activated(2));
    assertThat(hoa.occupation()).isEqualTo(Occupation.FARMER);
    assertThat(hoa.memberships()).containsExactlyInAnyOrder(Membership.PARTY, Membership.WOMEN_UNION);
  }

  @Test
  void aNewerListUpdatesPeopleAndMovesThoseWhoMoved() throws Exception {
    importAllOrNothing(csv(row(1, "Phạm Văn Long", "14167-04", prefix + "H1")));
    long before = residents.find(CitizenId.of(id(1))).orElseThrow().unitId();

    ImportReport newer = importAllOrNothing(csv(row(1, "Phạm Văn Long", "14167-06", prefix + "H9")));

    assertThat(newer.updated()).isEqualTo(1);
    Resident moved = residents.find(CitizenId.of(id(1))).orElseThrow();
    assertThat(moved.unitId()).isNotEqualTo(before);
  }

  @Test
  void reportsEveryBadRowWithLineColumnAndReasonAndAppliesNothing() throws Exception {
    Path file =
        csv(row(1, "Người Hợp Lệ", "14167-04", prefix + "H1")
            + "12345,Sai Số,1980-01-01,F,HX,Số 1,1,14167-04,ACTIVATED,2,,\n"
            + id(3) + ",Ngày Sai,1980-02-30,F,HX3,Số 1,1,14167-04,ACTIVATED,2,,\n"
            + id(4) + ",Tương Lai,2999-01-01,F,HX4,Số 1,1,14167-04,ACTIVATED,2,,\n"
            + id(5) + ",Không Đơn Vị,1980-01-01,F,HX5,Số 1,1,99999,ACTIVATED,2,,\n"
            + id(1) + ",Trùng Số,1980-01-01,F,HX6,Số 1,1,14167-04,ACTIVATED,2,,\n"
            + id(7) + ",Giới Lạ,1980-01-01,X,HX7,Số 1,1,14167-04,SOMETIMES,2,PILOT,PARTY;CLUB\n"
            + id(8) + ",Thiếu Cột,1980-01-01,F\n");

    ImportReport report = importAllOrNothing(file);

    assertThat(report.applied()).isFalse();
    assertThat(report.rows()).isEqualTo(8);
    assertThat(report.rejectedRows()).isEqualTo(7);
    assertThat(report.errors())
        .contains(
            new RowError(3, "citizen_id", "badIdFormat", "12345"),
            new RowError(4, "birth_date", "badDate", "1980-02-30"),
            new RowError(5, "birth_date", "futureDate", "2999-01-01"),
            new RowError(6, "unit_code", "unknownUnit", "99999"),
            new RowError(7, "citizen_id", "duplicateId", id(1)),
            new RowError(8, "sex", "unknownValue", "X"),
            new RowError(8, "eid_state", "unknownValue", "SOMETIMES"),
            new RowError(8, "occupation", "unknownValue", "PILOT"),
            new RowError(8, "memberships", "unknownValue", "PARTY;CLUB"),
            new RowError(9, null, "wrongColumnCount", "4"));
    assertThat(residents.find(CitizenId.of(id(1)))).isEmpty();
  }

  @Test
  void reportsAHouseholdGivenTwoDifferentAddresses() throws Exception {
    Path file =
        csv(row(1, "Chủ Hộ", "14167-04", prefix + "H1")
            + id(2) + ",Người Nhà,1990-01-01,M," + prefix + "H1,Địa chỉ khác,0,14167-04,NONE,,,\n");

    ImportReport report = importAllOrNothing(file);

    assertThat(report.applied()).isFalse();
    assertThat(report.errorsByReason()).containsEntry("householdConflict", 2L);
  }

  @Test
  void reportsASecondHeadOfTheSameHousehold() throws Exception {
    String household = prefix + "H1";
    Path file =
        csv(row(1, "Chủ Hộ", "14167-04", household)
            + id(2) + ",Chủ Hộ Thứ Hai,1990-01-01,M," + household + ",\"Nhà " + household
            + ", Tổ dân phố 4\",1,14167-04,NONE,,,\n");

    ImportReport report = importAllOrNothing(file);

    assertThat(report.applied()).isFalse();
    assertThat(report.errors()).containsExactly(new RowError(3, "household_head", "secondHead", household));
  }

  @Test
  void appliesTheValidRowsWhenAskedAndReportsTheRest() throws Exception {
    Path file =
        csv(row(1, "Đúng Một", "14167-04", prefix + "H1")
            + id(2) + ",Sai Đơn Vị,1980-01-01,F,HX2,Số 1,1,00000,ACTIVATED,2,,\n"
            + row(3, "Đúng Ba", "14167-04", prefix + "H3"));

    ImportReport report =
        registryImport.importFile(file, new ImportOptions("2026-07", true), ImportProgress.NONE);

    assertThat(report.applied()).isTrue();
    assertThat(report.inserted()).isEqualTo(2);
    assertThat(report.rejectedRows()).isEqualTo(1);
    assertThat(report.errors()).containsExactly(new RowError(3, "unit_code", "unknownUnit", "00000"));
    assertThat(residents.find(CitizenId.of(id(2)))).isEmpty();
    assertThat(residents.find(CitizenId.of(id(3)))).isPresent();
  }

  @Test
  void acceptsAByteOrderMarkWindowsLineEndsAndDecomposedVietnamese() throws Exception {
    String decomposed = Normalizer.normalize("Đặng Thị Thuỷ", Normalizer.Form.NFD);
    String body = (HEADER + row(1, decomposed, "14167-04", prefix + "H1")).replace("\n", "\r\n");
    Path file = dir.resolve("windows.csv");
    var bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write(body.getBytes(StandardCharsets.UTF_8));
    Files.write(file, bytes.toByteArray());

    ImportReport report = importAllOrNothing(file);

    assertThat(report.errors()).isEmpty();
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(residents.find(CitizenId.of(id(1))).orElseThrow().fullName())
        .isEqualTo(Normalizer.normalize("Đặng Thị Thuỷ", Normalizer.Form.NFC));
  }

  @Test
  void reportsBrokenUtf8AtItsLineAndColumn() throws Exception {
    Path file = dir.resolve("broken.csv");
    var bytes = new ByteArrayOutputStream();
    bytes.write((HEADER + row(1, "Tốt", "14167-04", prefix + "H1")).getBytes(StandardCharsets.UTF_8));
    bytes.write((id(2) + ",Ng").getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.write(",1980-01-01,F,HX2,Số 1,1,14167-04,ACTIVATED,2,,\n".getBytes(StandardCharsets.UTF_8));
    Files.write(file, bytes.toByteArray());

    ImportReport report = importAllOrNothing(file);

    assertThat(report.applied()).isFalse();
    assertThat(report.errors()).singleElement().satisfies(error -> {
      assertThat(error.line()).isEqualTo(3);
      assertThat(error.column()).isEqualTo("full_name");
      assertThat(error.reason()).isEqualTo("brokenEncoding");
    });
  }

  @Test
  void rejectsAFileWithoutRowsOrWithAWrongHeader() throws Exception {
    ImportReport empty = importAllOrNothing(csv(""));
    Path wrong = dir.resolve("wrong.csv");
    Files.writeString(wrong, "cccd,ho_ten\n001,An\n");

    ImportReport badHeader = importAllOrNothing(wrong);

    assertThat(empty.applied()).isFalse();
    assertThat(empty.errorsByReason()).containsKey("emptyFile");
    assertThat(badHeader.applied()).isFalse();
    assertThat(badHeader.errorsByReason()).containsKeys("unknownColumn", "missingColumn");
    assertThat(badHeader.errors()).allSatisfy(error -> assertThat(error.line()).isEqualTo(1));
  }

  @Test
  void importsTheSameColumnsFromAnXlsxWorkbook() throws Exception {
    Path file = dir.resolve("dc01.xlsx");
    try (var workbook = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
      var sheet = workbook.createSheet("DC01");
      String[] header = HEADER.strip().split(",");
      var first = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        first.createCell(i).setCellValue(header[i]);
      }
      var person = sheet.createRow(1);
      // Excel writes no cells for the empty optional columns at the end of a row
      String[] values = {id(1), "Vũ Thị Lan", "", "F", prefix + "X1", "Số 5", "1", "14167-04", "ACTIVATED", "2"};
      for (int i = 0; i < values.length; i++) {
        person.createCell(i).setCellValue(values[i]);
      }
      var date = person.getCell(2);
      var style = workbook.createCellStyle();
      style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      date.setCellValue(java.time.LocalDate.of(1975, 4, 30));
      date.setCellStyle(style);
      workbook.write(out);
    }

    ImportReport report = importAllOrNothing(file);

    assertThat(report.errors()).isEmpty();
    assertThat(report.inserted()).isEqualTo(1);
    assertThat(residents.find(CitizenId.of(id(1))).orElseThrow().birthDate())
        .isEqualTo(java.time.LocalDate.of(1975, 4, 30));
  }

  @Test
  void anOfficialCannotChangePeopleRecordedOutsideTheirArea() throws Exception {
    importAllOrNothing(csv(row(1, "Sống Ở Tổ Năm", "14167-05", prefix + "H1")));
    Path takeOver = csv(row(1, "Đổi Tên Trái Phép", "14167-04", prefix + "H7"));

    ImportReport report =
        registryImport.importFile(
            takeOver, new ImportOptions("2026-07", false, "14167-04", "canbo.giaothuy"), ImportProgress.NONE);

    assertThat(report.applied()).isFalse();
    assertThat(report.errors()).contains(new RowError(2, "citizen_id", "residentOutsideScope", null));
    assertThat(residents.find(CitizenId.of(id(1))).orElseThrow().fullName()).isEqualTo("Sống Ở Tổ Năm");
  }

  ImportReport importLocally(Path file, String unitCode, String official) {
    return registryImport.importFile(
        file, new ImportOptions("2026-07", false, unitCode, official), ImportProgress.NONE);
  }

  List<java.util.Map<String, Object>> auditedImportsOf(String detailPrefix) {
    return jdbc.sql(
            "select official, unit_code, detail, row_count from audit.entry where action = ? and detail like ? order by id")
        .param(RegistryImport.AUDITED_ACTION)
        .param(detailPrefix + "%")
        .query()
        .listOfRows();
  }

  @Test
  void everyImportThatChangedPeopleIsAuditedWithWhoWhereHowManyAndADigestOfTheChanges() throws Exception {
    Path file = csv(row(1, "Người Một", "14167-04", prefix + "H1") + row(2, "Người Hai", "14167-04", prefix + "H1"));
    String name = file.getFileName().toString();

    assertThat(importLocally(file, "14167", "canbo.giaothuy").inserted()).isEqualTo(2);
    assertThat(importLocally(file, "14167", "canbo.giaothuy").unchanged()).isEqualTo(2);
    Path renamed = csv(row(1, "Người Một Đổi Tên", "14167-04", prefix + "H1") + row(2, "Người Hai", "14167-04", prefix + "H1"));
    assertThat(importLocally(renamed, "14167", "canbo.giaothuy").updated()).isEqualTo(1);

    var first = auditedImportsOf(name);
    assertThat(first)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry).containsEntry("official", "canbo.giaothuy").containsEntry("unit_code", "14167");
              assertThat(entry).containsEntry("row_count", 2);
              assertThat((String) entry.get("detail")).containsPattern("file sha256:[0-9a-f]{64} \\| changes:[0-9a-f]{64}");
            });
    var second = auditedImportsOf(renamed.getFileName().toString());
    assertThat(second).singleElement().satisfies(entry -> assertThat(entry).containsEntry("row_count", 1));
    assertThat(digestOf(second.getFirst())).isNotEqualTo(digestOf(first.getFirst()));
  }

  static String digestOf(java.util.Map<String, Object> entry) {
    String detail = (String) entry.get("detail");
    return detail.substring(detail.indexOf("changes:"));
  }

  @Test
  void aLocalImportCannotLowerSomeonesEidButTheNationalRegistryCan() throws Exception {
    importAllOrNothing(csv(row(1, "Có Định Danh Mức Hai", "14167-04", prefix + "H1")));
    Path lowered = csv(row(1, "Có Định Danh Mức Hai", "14167-04", prefix + "H1").replace("ACTIVATED,2", "REGISTERED,"));

    ImportReport local = importLocally(lowered, "14167", "canbo.giaothuy");

    assertThat(local.applied()).isFalse();
    assertThat(local.errors()).extracting(RowError::reason).containsExactly("eidLowered");
    assertThat(residents.find(CitizenId.of(id(1))).orElseThrow().eidAccount()).isEqualTo(new EidAccount(EidState.ACTIVATED, 2));
    assertThat(importAllOrNothing(lowered).updated()).isEqualTo(1);
    assertThat(residents.find(CitizenId.of(id(1))).orElseThrow().eidAccount()).isEqualTo(EidAccount.registered());
  }

  @Test
  void aLocalImportCannotMoveSomeoneOutOfItsArea() throws Exception {
    importAllOrNothing(csv(row(1, "Sống Ở Tổ Bốn", "14167-04", prefix + "H1")));
    long home = residents.find(CitizenId.of(id(1))).orElseThrow().unitId();
    Path moved = csv(row(1, "Sống Ở Tổ Bốn", "14161", prefix + "H1"));

    ImportReport report = importLocally(moved, "14167", "canbo.giaothuy");

    assertThat(report.applied()).isFalse();
    assertThat(report.errors()).extracting(RowError::reason).contains("outsideScope");
    assertThat(residents.find(CitizenId.of(id(1))).orElseThrow().unitId()).isEqualTo(home);
  }

  @Test
  void aNulByteIsReportedAsBrokenEncoding() throws Exception {
    Path file = csv(row(1, "Có\u0000Lỗi", "14167-04", prefix + "H1"));

    ImportReport report = importAllOrNothing(file);

    assertThat(report.applied()).isFalse();
    assertThat(report.errors()).singleElement().satisfies(error -> {
      assertThat(error.column()).isEqualTo("full_name");
      assertThat(error.reason()).isEqualTo("brokenEncoding");
    });
  }

  @Test
  void saysAFileThatIsNotAWorkbookCannotBeRead() throws Exception {
    Path file = dir.resolve("fake.xlsx");
    Files.writeString(file, "this is not a zip");

    ImportReport report = importAllOrNothing(file);

    assertThat(report.applied()).isFalse();
    assertThat(report.errorsByReason()).containsKey("unreadableFile");
  }

  @Test
  void aTwoGigabyteFileThatIsNotAListIsRefusedWithoutReadingItIntoMemory() throws Exception {
    // 2 GiB: a valid header, one good row, then no line break at all (a sparse file: no disk used).
    Path file = dir.resolve("huge.csv");
    try (var out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      out.write((HEADER + row(1, "Nguyễn Thị Lớn", "14167-04", prefix + "H1")).getBytes(StandardCharsets.UTF_8));
      out.setLength(2L << 30);
    }

    ImportReport report = importAllOrNothing(file);

    assertThat(report.applied()).isFalse();
    assertThat(report.errorsByReason()).containsKey("lineTooLong");
    assertThat(residents.find(CitizenId.of(id(1)))).isEmpty();
  }

  @Test
  void aWorkbookWithMoreTextThanItIsSafeToHoldIsRefusedWithAdviceToUseCsv() throws Exception {
    Path file = dir.resolve("big.xlsx");
    var random = new java.util.SplittableRandom(1);
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(1);
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
          <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
          </Relationships>""");
      entry(zip, "xl/workbook.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>""");
      entry(zip, "xl/_rels/workbook.xml.rels", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
          </Relationships>""");
      zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
      var text = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
      long written = 0;
      // Random digits: text that does not compress away, so no zip-bomb guard steps in first.
      while (written < XlsxLimit.BYTES + (1 << 20)) {
        text.append("<si><t>");
        for (int i = 0; i < 1000; i++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
        text.append("</t></si>");
        if (text.length() > 1 << 16) {
          byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
          zip.write(bytes);
          written += bytes.length;
          text.setLength(0);
        }
      }
      zip.write((text + "</sst>").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    ImportReport report = importAllOrNothing(file);

    assertThat(report.applied()).isFalse();
    assertThat(report.errorsByReason()).containsOnlyKeys("workbookTooLarge");
  }

  /** The limit the importer applies, restated here so that the test file is sized to exceed it. */
  static final class XlsxLimit {
    static final long BYTES = 64L << 20;
  }

  private static void entry(java.util.zip.ZipOutputStream zip, String name, String content) throws java.io.IOException {
    zip.putNextEntry(new java.util.zip.ZipEntry(name));
    zip.write(content.strip().getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  @Test
  void aLargeFirstLoadIntoAnEmptyRegistryBuildsEveryIndexAndConstraintAgain() throws Exception {
    Path file = dir.resolve("first-load.csv");
    int exit =
        new picocli.CommandLine(sample)
            .execute(file.toString(), "--people", "60000", "--units", "14161", "--birth-province", "005", "--seed", "3");
    assertThat(exit).isZero();
    String schema = residentSchema();
    var indexes = residentIndexIds();
    long before = residents.count();

    // An empty registry inside a transaction that is rolled back: the shared test data stays.
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("delete from registry.resident").update();

          ImportReport report = importAllOrNothing(file);

          assertThat(report.applied()).isTrue();
          assertThat(report.inserted()).isEqualTo(60_000);
          assertThat(residentSchema()).isEqualTo(schema);
          // built again (new objects), not maintained row by row
          assertThat(residentIndexIds()).doesNotContainAnyElementsOf(indexes).hasSameSizeAs(indexes);
          assertThat(residents.count()).isEqualTo(60_000);
          assertThat(
                  jdbc.sql(
                          "select count(*) from registry.resident r join registry.household h on h.id = r.household_id")
                      .query(Long.class)
                      .single())
              .isEqualTo(60_000);
          status.setRollbackOnly();
        });

    assertThat(residents.count()).isEqualTo(before);
  }

  java.util.List<Long> residentIndexIds() {
    return jdbc.sql("select indexrelid::bigint from pg_index where indrelid = 'registry.resident'::regclass")
        .query(Long.class)
        .list();
  }

  /** Every index and constraint of the resident table, as PostgreSQL would recreate them. */
  String residentSchema() {
    return jdbc.sql(
            """
            select string_agg(definition, E'\n' order by definition) from (
              select pg_get_indexdef(indexrelid) as definition from pg_index
              where indrelid = 'registry.resident'::regclass
              union all
              select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
              where conrelid = 'registry.resident'::regclass) defs
            """)
        .query(String.class)
        .single();
  }
}
