package vn.ykien.daily.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.ykien.daily.ReportDocument;
import vn.ykien.shared.QrCodes;

/**
 * Lays a report out as a Word document in the Decree 30 layout: A4, margins 20/20/30/15 mm, Times
 * New Roman, the same blocks as the PDF; an office can still number and sign it.
 */
public final class DocxReports {

  /** Twentieths of a point per millimetre. */
  private static final double TWIPS_PER_MM = 1440 / 25.4;

  private static final String FONT = "Times New Roman";

  private DocxReports() {}

  public static byte[] write(ReportDocument report) {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CTSectPr section = document.getDocument().getBody().addNewSectPr();
      CTPageSz size = section.addNewPgSz();
      size.setW(BigInteger.valueOf(11906));
      size.setH(BigInteger.valueOf(16838));
      CTPageMar margins = section.addNewPgMar();
      margins.setTop(twips(20));
      margins.setBottom(twips(20));
      margins.setLeft(twips(30));
      margins.setRight(twips(15));

      XWPFTable header = document.createTable(2, 2);
      borderless(header);
      XWPFTableCell left = header.getRow(0).getCell(0);
      text(left.getParagraphs().getFirst(), report.parentBody(), 12, false, false, ParagraphAlignment.CENTER);
      text(left.addParagraph(), report.issuer(), 12, true, false, ParagraphAlignment.CENTER);
      text(left.addParagraph(), "________", 12, false, false, ParagraphAlignment.CENTER);
      XWPFTableCell right = header.getRow(0).getCell(1);
      text(right.getParagraphs().getFirst(), report.nationalTitle(), 12, true, false, ParagraphAlignment.CENTER);
      XWPFParagraph motto = right.addParagraph();
      text(motto, report.motto(), 13, true, false, ParagraphAlignment.CENTER);
      motto.setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
      text(header.getRow(1).getCell(0).getParagraphs().getFirst(), report.number(), 13, false, false, ParagraphAlignment.CENTER);
      text(header.getRow(1).getCell(1).getParagraphs().getFirst(), report.placeAndDate(), 13, false, true, ParagraphAlignment.CENTER);

      XWPFParagraph type = document.createParagraph();
      type.setSpacingBefore(240);
      text(type, report.type(), 14, true, false, ParagraphAlignment.CENTER);
      text(document.createParagraph(), report.summary(), 14, true, false, ParagraphAlignment.CENTER);
      paragraphs(document, report.paragraphs());
      table(document, report.tableTitle(), report.columns(), report.rows());
      for (ReportDocument.Section part : report.sections()) {
        XWPFParagraph heading = document.createParagraph();
        heading.setSpacingBefore(160);
        text(heading, part.heading(), 14, true, false, ParagraphAlignment.LEFT);
        paragraphs(document, part.paragraphs());
        table(document, part.tableTitle(), part.columns(), part.rows());
      }
      XWPFParagraph check = document.createParagraph();
      check.setSpacingBefore(200);
      XWPFRun qr = check.createRun();
      qr.addPicture(new ByteArrayInputStream(QrCodes.png(report.checkUrl(), 4)), Document.PICTURE_TYPE_PNG, "check.png",
          Units.toEMU(71), Units.toEMU(71));
      XWPFRun line = check.createRun();
      font(line, 11);
      line.setItalic(true);
      line.setText("  " + report.checkLine());

      XWPFTable signature = document.createTable(1, 2);
      borderless(signature);
      XWPFTableCell recipients = signature.getRow(0).getCell(0);
      XWPFParagraph title = recipients.getParagraphs().getFirst();
      text(title, report.recipientsTitle(), 12, true, true, ParagraphAlignment.LEFT);
      for (String recipient : report.recipients()) {
        text(recipients.addParagraph(), recipient, 11, false, false, ParagraphAlignment.LEFT);
      }
      XWPFTableCell signer = signature.getRow(0).getCell(1);
      XWPFParagraph first = signer.getParagraphs().getFirst();
      if (!report.signFor().isEmpty()) {
        text(first, report.signFor(), 13, true, false, ParagraphAlignment.CENTER);
        first = signer.addParagraph();
      }
      text(first, report.signer(), 13, true, false, ParagraphAlignment.CENTER);
      document.write(out);
      return out.toByteArray();
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IllegalStateException("the report could not be written as DOCX", e);
    }
  }

  private static void paragraphs(XWPFDocument document, java.util.List<String> texts) {
    for (String body : texts) {
      XWPFParagraph paragraph = document.createParagraph();
      paragraph.setIndentationFirstLine((int) Math.round(12.7 * TWIPS_PER_MM));
      paragraph.setSpacingAfter(120);
      text(paragraph, body, 14, false, false, ParagraphAlignment.BOTH);
    }
  }

  /** A titled table: the first column names the row (left), the others are figures (right). */
  private static void table(XWPFDocument document, String title, java.util.List<String> columns, java.util.List<java.util.List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    text(document.createParagraph(), title, 13, true, false, ParagraphAlignment.LEFT);
    XWPFTable table = document.createTable(rows.size() + 1, columns.size());
    table.setWidth("100%");
    for (int c = 0; c < columns.size(); c++) {
      text(table.getRow(0).getCell(c).getParagraphs().getFirst(), columns.get(c), 12, true, false, ParagraphAlignment.CENTER);
    }
    for (int r = 0; r < rows.size(); r++) {
      var row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        text(table.getRow(r + 1).getCell(c).getParagraphs().getFirst(), row.get(c), 12, false, false,
            c == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.RIGHT);
      }
    }
  }

  private static BigInteger twips(double millimetres) {
    return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MM));
  }

  private static void borderless(XWPFTable table) {
    table.setWidth("100%");
    table.removeBorders();
  }

  private static void text(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic, ParagraphAlignment alignment) {
    paragraph.setAlignment(alignment);
    XWPFRun run = paragraph.createRun();
    font(run, size);
    run.setBold(bold);
    run.setItalic(italic);
    run.setText(text);
  }

  private static void font(XWPFRun run, int size) {
    run.setFontFamily(FONT);
    run.setFontSize(size);
  }
}
