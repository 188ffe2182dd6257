package vn.ykien.daily.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.draw.LineSeparator;
import vn.ykien.daily.ReportDocument;
import vn.ykien.shared.QrCodes;

/**
 * Lays a report out as a PDF in the Decree 30 layout: A4, margins 20/20/30/15 mm, Liberation Serif
 * (Times New Roman's metrics, every Vietnamese glyph) embedded from the classpath, page numbers
 * centred in the top margin from page 2.
 */
public final class PdfReports {

  private static final float MM = 72f / 25.4f;

  private PdfReports() {}

  private static BaseFont font(String name) {
    try (InputStream in = PdfReports.class.getClassLoader().getResourceAsStream("liberation/" + name)) {
      if (in == null) {
        throw new IllegalStateException("font " + name + " is not on the classpath (openpdf-fonts-extra)");
      }
      return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] write(ReportDocument report) {
    BaseFont regular = font("LiberationSerif-Regular.ttf");
    BaseFont bold = font("LiberationSerif-Bold.ttf");
    BaseFont italic = font("LiberationSerif-Italic.ttf");
    BaseFont boldItalic = font("LiberationSerif-BoldItalic.ttf");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setPageEvent(new PdfPageEventHelper() {
      @Override
      public void onEndPage(PdfWriter w, Document d) {
        if (w.getPageNumber() > 1) {
          ColumnText.showTextAligned(
              w.getDirectContent(), Element.ALIGN_CENTER, new Phrase(Integer.toString(w.getPageNumber()), new Font(regular, 13)),
              (d.left() + d.right()) / 2, d.top() + 8 * MM, 0);
        }
      }
    });
    document.addTitle(report.type() + " " + report.summary());
    document.open();

    PdfPTable header = new PdfPTable(new float[] {42, 58});
    header.setWidthPercentage(100);
    PdfPCell left = cell();
    left.addElement(centred(report.parentBody(), new Font(regular, 12)));
    left.addElement(centred(report.issuer(), new Font(bold, 12)));
    left.addElement(rule(0.35f, regular));
    PdfPCell right = cell();
    right.addElement(centred(report.nationalTitle(), new Font(bold, 12)));
    right.addElement(centred(report.motto(), new Font(bold, 13)));
    right.addElement(rule(0.62f, regular));
    header.addCell(left);
    header.addCell(right);
    PdfPCell number = cell();
    number.addElement(centred(report.number(), new Font(regular, 13)));
    PdfPCell date = cell();
    date.addElement(centred(report.placeAndDate(), new Font(italic, 13)));
    header.addCell(number);
    header.addCell(date);
    document.add(header);

    Paragraph type = centred(report.type(), new Font(bold, 14));
    type.setSpacingBefore(12);
    document.add(type);
    document.add(centred(report.summary(), new Font(bold, 14)));
    document.add(rule(0.2f, regular));

    paragraphs(document, report.paragraphs(), regular);
    table(document, report.tableTitle(), report.columns(), report.rows(), regular, bold);
    for (ReportDocument.Section section : report.sections()) {
      Paragraph heading = new Paragraph(section.heading(), new Font(bold, 14));
      heading.setSpacingBefore(8);
      heading.setSpacingAfter(4);
      document.add(heading);
      paragraphs(document, section.paragraphs(), regular);
      table(document, section.tableTitle(), section.columns(), section.rows(), regular, bold);
    }

    PdfPTable check = new PdfPTable(new float[] {22, 78});
    check.setWidthPercentage(100);
    check.setSpacingBefore(10);
    PdfPCell qr = cell();
    Image image;
    try {
      image = Image.getInstance(QrCodes.png(report.checkUrl(), 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    image.scaleAbsolute(25 * MM, 25 * MM);
    qr.addElement(image);
    PdfPCell line = cell();
    line.addElement(new Paragraph(report.checkLine(), new Font(italic, 11)));
    check.addCell(qr);
    check.addCell(line);
    document.add(check);

    PdfPTable signature = new PdfPTable(new float[] {50, 50});
    signature.setWidthPercentage(100);
    signature.setSpacingBefore(12);
    PdfPCell recipients = cell();
    recipients.addElement(new Paragraph(report.recipientsTitle(), new Font(boldItalic, 12)));
    for (String recipient : report.recipients()) {
      recipients.addElement(new Paragraph(recipient, new Font(regular, 11)));
    }
    PdfPCell signer = cell();
    if (!report.signFor().isEmpty()) {
      signer.addElement(centred(report.signFor(), new Font(bold, 13)));
    }
    signer.addElement(centred(report.signer(), new Font(bold, 13)));
    signature.addCell(recipients);
    signature.addCell(signer);
    document.add(signature);
    document.close();
    return out.toByteArray();
  }

  private static void paragraphs(Document document, java.util.List<String> texts, BaseFont regular) {
    for (String text : texts) {
      Paragraph paragraph = new Paragraph(text, new Font(regular, 14));
      paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
      paragraph.setFirstLineIndent(12.7f * MM);
      paragraph.setSpacingAfter(6);
      paragraph.setLeading(14 * 1.2f);
      document.add(paragraph);
    }
  }

  /** A titled table: the first column names the row (left), the others are figures (right). */
  private static void table(
      Document document, String title, java.util.List<String> columns, java.util.List<java.util.List<String>> rows, BaseFont regular, BaseFont bold) {
    if (rows.isEmpty()) {
      return;
    }
    Paragraph caption = new Paragraph(title, new Font(bold, 13));
    caption.setSpacingBefore(6);
    caption.setSpacingAfter(4);
    document.add(caption);
    float[] widths = new float[columns.size()];
    java.util.Arrays.fill(widths, columns.size() == 1 ? 100 : 54f / (columns.size() - 1));
    widths[0] = columns.size() == 1 ? 100 : 46;
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String column : columns) {
      PdfPCell heading = new PdfPCell(new Phrase(column, new Font(bold, 12)));
      heading.setHorizontalAlignment(Element.ALIGN_CENTER);
      table.addCell(heading);
    }
    for (var row : rows) {
      for (int i = 0; i < row.size(); i++) {
        PdfPCell value = new PdfPCell(new Phrase(row.get(i), new Font(regular, 12)));
        value.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        table.addCell(value);
      }
    }
    document.add(table);
  }

  private static PdfPCell cell() {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    return cell;
  }

  private static Paragraph centred(String text, Font font) {
    Paragraph paragraph = new Paragraph(text, font);
    paragraph.setAlignment(Element.ALIGN_CENTER);
    return paragraph;
  }

  /** A solid rule under a title, {@code share} of the column wide. */
  private static Paragraph rule(float share, BaseFont font) {
    // In the document's font, as every text of it: no standard font is ever referenced.
    Paragraph paragraph = new Paragraph(" ", new Font(font, 4));
    paragraph.add(new Chunk(new LineSeparator(0.6f, share * 100, null, Element.ALIGN_CENTER, -2)));
    paragraph.setSpacingAfter(4);
    return paragraph;
  }
}
