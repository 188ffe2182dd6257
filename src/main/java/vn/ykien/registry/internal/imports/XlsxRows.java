package vn.ykien.registry.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read with POI's streaming (SAX) API: rows are passed on as
 * they are parsed. Date cells are given as YYYY-MM-DD.
 */
final class XlsxRows implements RowSource {

  /** Uncompressed size of the shared-strings part above which a workbook is refused. */
  static final long MAX_SHARED_STRINGS_BYTES = 64L << 20;

  /** The workbook's text table is too large to hold in memory: the list should come as CSV. */
  static final class WorkbookTooLarge extends RuntimeException {
    WorkbookTooLarge() {
      super("the workbook's shared strings exceed " + MAX_SHARED_STRINGS_BYTES + " bytes", null, false, false);
    }
  }

  @Override
  public void read(Path file, UnaryOperator<InputStream> wrap, RowSink sink) throws IOException {
    // Opened from the file, so POI reads the zip entries it needs instead of the whole package.
    try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(workbook);
      // POI keeps the shared strings (every distinct text of the workbook) in memory: refuse a
      // workbook whose table is larger than a commune's list could need, and suggest CSV.
      for (var part : workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
        if (part.getSize() > MAX_SHARED_STRINGS_BYTES) {
          throw new WorkbookTooLarge();
        }
      }
      var strings = new ReadOnlySharedStringsTable(workbook);
      var sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new Rows(sink), new IsoDates(), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new IOException("not a readable XLSX workbook: " + e.getMessage(), e);
    }
  }

  /** Formats date cells as ISO dates, everything else as Excel shows it. */
  private static final class IsoDates extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }

  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final RowSink sink;
    private List<String> fields = new ArrayList<>();
    private long line;
    private int width = -1;

    Rows(RowSink sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      line = rowNum + 1L;
      fields = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      if (fields.stream().anyMatch(field -> !field.isEmpty())) {
        if (width < 0) {
          width = fields.size();
        }
        // Excel does not write empty cells at the end of a row: they are empty optional columns.
        while (fields.size() < width) {
          fields.add("");
        }
        sink.row(line, fields);
      }
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? fields.size() : new CellReference(reference).getCol();
      while (fields.size() < column) {
        fields.add("");
      }
      fields.add(CsvRows.normalize(formattedValue == null ? "" : formattedValue));
    }
  }
}
