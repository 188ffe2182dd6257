package vn.ykien.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmitOpinion;

@IntegrationTest
class DailyDocumentTests {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired OpinionSubmission submission;
  @Autowired DailyReports reports;
  @Autowired vn.ykien.units.Units units;

  static byte[] download(OfficialSession session, String path) {
    var response = session.getBytes(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  @Test
  void theCommuneDownloadsItsDailyReportAsPdfAndDocxInTheDecree30Layout() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    List<Answer> answers = new ArrayList<>();
    for (DraftItem item : fixtures.items(consultation)) {
      answers.add(new Answer(item.id(), Stance.APPROVE, null));
    }
    submission.submit(new SubmitOpinion(consultation.id(), fixtures.aResident().inGroup(5).register(), 2, Assistance.SELF, answers, null, null));
    fixtures.readersCaughtUp();
    LocalDate day = LocalDate.now(Consultation.ZONE).minusDays(1);
    var commune = units.findByCode("2026-07", "14167").orElseThrow();
    reports.confirm(consultation, commune, day, new OutreachLines(3, 2, 40, "Mưa lớn, nhiều hộ đi vắng", "Kéo dài giờ mở điểm hỗ trợ"), null, "canbo.giaothuy");
    OfficialSession official = new OfficialSession(port);
    assertThat(official.signIn("canbo.giaothuy", "giaothuy-2025", "")).isTrue();
    String query = "?consultation=" + consultation.slug() + "&day=" + day;

    byte[] pdf = download(official, "/officials/units/2026-07/14167/daily.pdf" + query);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage first = document.getPage(0);
      assertThat(first.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
      assertThat(first.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
      // Lines wrap where the layout needs: read the words in order.
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains(
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN XÃ GIAO THUỶ", "BÁO CÁO",
          "Số:", "/BC-UBND", "ngày " + String.format("%02d", day.getDayOfMonth()), "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nơi nhận:",
          "Mưa lớn, nhiều hộ đi vắng", "3 buổi họp");
      List<String> fonts = new ArrayList<>();
      for (var name : first.getResources().getFontNames()) {
        PDFont font = first.getResources().getFont(name);
        fonts.add(font.getName());
        assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
      }
      assertThat(fonts).anyMatch(name -> name.contains("LiberationSerif"));
      Path png = Path.of("target", "screenshots", "daily-report-commune-page1.png");
      Files.createDirectories(png.getParent());
      ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", png.toFile());
      assertThat(Files.size(png)).isPositive();
    }

    byte[] docx = download(official, "/officials/units/2026-07/14167/daily.docx" + query);
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      assertThat(extractor.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "TM. ỦY BAN NHÂN DÂN", "Kéo dài giờ mở điểm hỗ trợ");
      var section = document.getDocument().getBody().getSectPr();
      assertThat(section.getPgSz().getW()).isEqualTo(java.math.BigInteger.valueOf(11906));
      assertThat(section.getPgMar().getLeft()).isEqualTo(java.math.BigInteger.valueOf(1701));
      assertThat(document.getAllPictures()).as("the check code's QR").hasSize(1);
    }
  }

  @Test
  void everyUnitsFiguresOfASnapshotDownloadAsASpreadsheetWithinTheOfficialsUnit() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    LocalDate day = LocalDate.now(Consultation.ZONE).minusDays(1);
    String query = "?consultation=" + consultation.slug() + "&day=" + day + "&level=COMMUNE";
    OfficialSession nation = new OfficialSession(port);
    assertThat(nation.signIn("quantri.quocgia", "giaothuy-2025", "")).isTrue();

    byte[] everything = download(nation, "/officials/units/2026-07/VN/daily.xlsx" + query);
    Snapshot snapshot = snapshots.find(consultation.id(), Level.COMMUNE, day).orElseThrow();
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(everything))) {
      var sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã đơn vị");
      assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Số người đã tham gia");
      assertThat(sheet.getLastRowNum()).as("a row per unit of the snapshot").isEqualTo(snapshot.units());
    }

    OfficialSession commune = new OfficialSession(port);
    assertThat(commune.signIn("canbo.giaothuy", "giaothuy-2025", "")).isTrue();
    byte[] own = download(commune, "/officials/units/2026-07/14167/daily.xlsx" + query);
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(own))) {
      var sheet = workbook.getSheetAt(0);
      List<String> codes = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      assertThat(codes).contains("14167").allMatch(code -> code.startsWith("14167")).hasSize(1 + units.children(units.findByCode("2026-07", "14167").orElseThrow().id()).size());
    }
    // The same as CSV: UTF-8 with its byte order mark, the headings, one line per unit.
    byte[] csv = download(commune, "/officials/units/2026-07/14167/daily.csv" + query);
    assertThat(java.util.Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = new String(csv, 3, csv.length - 3, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.getFirst()).startsWith("Mã đơn vị,").contains("Số người đã tham gia");
    assertThat(lines.subList(1, lines.size())).hasSize(1 + units.children(units.findByCode("2026-07", "14167").orElseThrow().id()).size())
        .allMatch(line -> line.startsWith("14167"));
    assertThat(commune.getBytes("/officials/units/2026-07/14167/daily.xlsx?consultation=" + consultation.slug() + "&day=" + day + "&level=MOON").statusCode())
        .isEqualTo(422);
  }

  @Autowired DailySnapshots snapshots;
  @Autowired vn.ykien.results.internal.Releases releases;

  @Test
  void theCommunesFinalReportFollowsTheMinistrysOutlineWithEveryFigureFromThePlatform() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    for (int i = 0; i < 12; i++) {
      List<Answer> answers = new ArrayList<>();
      for (DraftItem item : fixtures.items(consultation)) {
        answers.add(new Answer(item.id(), i < 10 ? Stance.APPROVE : Stance.DISAPPROVE, null));
      }
      submission.submit(new SubmitOpinion(consultation.id(), fixtures.aResident().inGroup(5).register(), 2, Assistance.SELF, answers, null, null));
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    LocalDate day = LocalDate.now(Consultation.ZONE).minusDays(1);
    var commune = units.findByCode("2026-07", "14167").orElseThrow();
    reports.confirm(consultation, commune, day, new OutreachLines(4, 1, 25, "", "Kéo dài giờ mở điểm hỗ trợ đến 21 giờ"), null, "canbo.giaothuy");
    OfficialSession official = new OfficialSession(port);
    assertThat(official.signIn("canbo.giaothuy", "giaothuy-2025", "")).isTrue();
    String query = "?consultation=" + consultation.slug();
    DraftItem first = fixtures.items(consultation).getFirst();
    // Yesterday's report, taken after the release, keeps its opinions per item beside the figures.
    String page = official.get("/officials/units/2026-07/14167/daily" + query + "&day=" + day).body();
    assertThat(page).contains("id=\"opinions\"", "data-item=\"" + first.code() + "\"");

    byte[] pdf = download(official, "/officials/units/2026-07/14167/final-report.pdf" + query);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains(
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Tổng kết kết quả lấy ý kiến nhân dân",
          "I. CÔNG TÁC TỔ CHỨC LẤY Ý KIẾN", "đơn vị đã xác nhận báo cáo 1 ngày", "4 buổi họp",
          "II. KẾT QUẢ LẤY Ý KIẾN", "Người tham gia theo nhóm", "Ý kiến đối với từng nội dung", "đợt công bố kết quả số",
          first.label().in(java.util.Locale.of("vi")),
          "III. ĐỀ XUẤT, KIẾN NGHỊ", "Kéo dài giờ mở điểm hỗ trợ đến 21 giờ", "TM. ỦY BAN NHÂN DÂN", "Nơi nhận:");
      // The item's row: the people who answered it in the commune, as the release shows them.
      assertThat(text).containsPattern(java.util.regex.Pattern.quote(first.label().in(java.util.Locale.of("vi"))) + " 12 ");
      Path png = Path.of("target", "screenshots", "final-report-commune-page1.png");
      Files.createDirectories(png.getParent());
      ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", png.toFile());
    }
    byte[] docx = download(official, "/officials/units/2026-07/14167/final-report.docx" + query + "&lang=en");
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      assertThat(extractor.getText()).contains("I. HOW THE CONSULTATION WAS ORGANISED", "II. RESULTS", "III. PROPOSALS",
          "Kéo dài giờ mở điểm hỗ trợ đến 21 giờ");
      assertThat(document.getTables()).as("header, units below, groups, items, signature").hasSizeGreaterThanOrEqualTo(4);
    }
  }
}
