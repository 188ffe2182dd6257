package vn.ykien.daily;

import java.util.List;

/**
 * A daily report as an administrative document (Decree 30/2020/NĐ-CP, Appendix I), its texts
 * already in the document's language: what the PDF and DOCX writers lay out, the same for both.
 *
 * @param parentBody the body above the issuer, in capitals (top left, regular)
 * @param issuer the issuing body, in capitals (top left, bold, a short rule below)
 * @param rows the units below: name, eligible at opening, people, rate
 * @param sections further headed parts after that table (the final report's), none in a daily one
 * @param checkLine how to check the figures (the code and the address), beside the QR code
 * @param checkUrl what the QR code holds
 */
public record ReportDocument(
    String parentBody,
    String issuer,
    String nationalTitle,
    String motto,
    String number,
    String placeAndDate,
    String type,
    String summary,
    List<String> paragraphs,
    String tableTitle,
    List<String> columns,
    List<List<String>> rows,
    List<ReportDocument.Section> sections,
    String checkLine,
    String checkUrl,
    String signFor,
    String signer,
    String recipientsTitle,
    List<String> recipients) {

  public ReportDocument {
    paragraphs = List.copyOf(paragraphs);
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    sections = List.copyOf(sections);
    recipients = List.copyOf(recipients);
  }

  /**
   * A headed part of a document: its paragraphs, then a table when it has rows (the first column
   * names a row, the others are figures).
   */
  public record Section(String heading, List<String> paragraphs, String tableTitle, List<String> columns, List<List<String>> rows) {

    public Section {
      paragraphs = List.copyOf(paragraphs);
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }
}
