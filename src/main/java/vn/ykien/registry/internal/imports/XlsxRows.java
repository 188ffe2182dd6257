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
import org.apache.poi.xssf.model.StylesTable;

/**
 * The first sheet of an XLSX workbook, read with POI's streaming (SAX) API: rows are passed on as
 * they are parsed. Date cells are given as YYYY-MM-DD.
 */
final class XlsxRows implements RowSource {

  /** Uncompressed size of the shared-strings part above which a workbook is refused. */
  static final long MAX_SHARED_STRINGS_BYTES = 64L << 20;

  /**
   * The most characters one cell (its value and formula) or one shared string may hold: Excel's
   * own limits are 32,767 characters of text and 8,192 of formula.
   */
  static final int MAX_CELL_CHARS = 65_536;

  /** How deep a sheet's or text table's XML may nest; a real sheet needs six levels. */
  static final int MAX_DEPTH = 64;

  /**
   * The longest one tag may be, from {@code <} to {@code >}, attributes included: the XML parser
   * holds a tag whole before any handler sees it, so a gigabyte attribute value would be read into
   * memory. A real sheet's tags are tens of bytes.
   */
  static final int MAX_TAG_BYTES = 1 << 20;

  /** Uncompressed size of the styles part (POI reads it whole); a real list's is kilobytes. */
  static final long MAX_STYLES_BYTES = 16L << 20;

  /**
   * The workbook holds more text than it is safe to read (its text table, or one cell): the list
   * should come as CSV. Measured while reading, never taken from what the file declares.
   */
  static final class WorkbookTooLarge extends RuntimeException {
    WorkbookTooLarge(String what) {
      super(what, null, false, false);
    }
  }

  private final long maxSharedStringsBytes;
  private final int maxCellChars;
  private final int maxTagBytes;

  XlsxRows() {
    this(MAX_SHARED_STRINGS_BYTES, MAX_CELL_CHARS, MAX_TAG_BYTES);
  }

  /** With other limits, for tests that build hostile workbooks of a few megabytes. */
  XlsxRows(long maxSharedStringsBytes, int maxCellChars, int maxTagBytes) {
    this.maxSharedStringsBytes = maxSharedStringsBytes;
    this.maxCellChars = maxCellChars;
    this.maxTagBytes = maxTagBytes;
  }

  @Override
  public void read(Path file, UnaryOperator<InputStream> wrap, RowSink sink) throws IOException {
    // Opened from the file, so POI reads the zip entries it needs instead of the whole package.
    try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(workbook);
      // POI keeps the shared strings (every distinct text of the workbook) in memory: refuse a
      // workbook whose table is larger than a commune's list could need, and suggest CSV. The
      // bytes are counted as they are inflated: the size the zip declares can lie.
      var parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
      var strings = new BoundedSharedStrings();
      if (!parts.isEmpty()) {
        try (InputStream in =
            new TagGuard(new BoundedInput(parts.getFirst().getInputStream(), maxSharedStringsBytes, "shared strings"), maxTagBytes)) {
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(new Guarded(strings, maxCellChars));
          parser.parse(new InputSource(in));
        }
      }
      var sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      StylesTable styles = styles(workbook);
      try (InputStream sheet = new TagGuard(sheets.next(), maxTagBytes)) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new Guarded(
                new XSSFSheetXMLHandler(styles, null, strings, new Rows(sink), new IsoDates(), false),
                maxCellChars));
        parser.parse(new InputSource(sheet));
      }
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new IOException("not a readable XLSX workbook: " + e.getMessage(), e);
    }
  }

  /**
   * The cell styles (for date formats), read whole by POI: bounded while inflated, and without
   * tags longer than a sheet's. A workbook without styles gets the default ones.
   */
  private StylesTable styles(OPCPackage workbook) throws IOException, OpenXML4JException {
    var parts = workbook.getPartsByContentType(XSSFRelation.STYLES.getContentType());
    if (parts.isEmpty()) {
      return new StylesTable();
    }
    try (InputStream in = new TagGuard(new BoundedInput(parts.getFirst().getInputStream(), MAX_STYLES_BYTES, "styles"), maxTagBytes)) {
      return new StylesTable(in);
    }
  }

  /** Counts the bytes read from a stream and refuses to go past a limit. */
  private static final class BoundedInput extends java.io.FilterInputStream {
    private final long limit;
    private final String what;
    private long read;

    BoundedInput(InputStream in, long limit, String what) {
      super(in);
      this.limit = limit;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new WorkbookTooLarge("the workbook's " + what + " exceed " + limit + " bytes");
      }
    }
  }

  /**
   * Refuses a tag (from {@code <} to {@code >}) longer than a limit while the bytes are read,
   * before the XML parser would hold it whole.
   */
  private static final class TagGuard extends java.io.FilterInputStream {
    private final int limit;
    private boolean inTag;
    private int tagBytes;

    TagGuard(InputStream in, int limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        see((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        see(buffer[offset + i]);
      }
      return n;
    }

    private void see(byte b) {
      if (b == '<') {
        inTag = true;
        tagBytes = 0;
      } else if (b == '>') {
        inTag = false;
      } else if (inTag && ++tagBytes > limit) {
        throw new WorkbookTooLarge("a tag of the workbook is longer than " + limit + " bytes");
      }
    }
  }

  /**
   * POI's text table, without the capacity the file announces ({@code uniqueCount}): a table that
   * claims two billion strings would have POI reserve room for them before reading any.
   */
  private static final class BoundedSharedStrings extends ReadOnlySharedStringsTable {
    BoundedSharedStrings() throws IOException, SAXException {
      super(new java.io.ByteArrayInputStream(
          "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Override
    public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes)
        throws SAXException {
      if ("sst".equals(localName)) {
        var kept = new org.xml.sax.helpers.AttributesImpl(attributes);
        for (String name : new String[] {"uniqueCount", "count"}) {
          int index = kept.getIndex(name);
          if (index >= 0) {
            kept.removeAttribute(index);
          }
        }
        super.startElement(uri, localName, qName, kept);
      } else {
        super.startElement(uri, localName, qName, attributes);
      }
    }
  }

  /**
   * Stands between the XML parser and POI's handlers: refuses nesting deeper than {@link
   * #MAX_DEPTH}, and a cell ({@code c}) or shared string ({@code si}) with more text than one can
   * hold, counted over all its runs while it is read (POI would gather it whole in memory
   * first). Outside cells, each element's text is counted on its own.
   */
  private static final class Guarded extends org.xml.sax.helpers.DefaultHandler {
    private final org.xml.sax.ContentHandler handler;
    private final int maxChars;
    private int depth;
    /** The depth of the cell or shared string being read; 0 outside any. */
    private int unit;
    private long chars;

    Guarded(org.xml.sax.ContentHandler handler, int maxChars) {
      this.handler = handler;
      this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes)
        throws SAXException {
      if (++depth > MAX_DEPTH) {
        throw new SAXException("the workbook's XML nests deeper than " + MAX_DEPTH + " levels");
      }
      if (unit == 0) {
        chars = 0;
        if ("c".equals(localName) || "si".equals(localName)) {
          unit = depth;
        }
      }
      handler.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if (depth == unit) {
        unit = 0;
        chars = 0;
      }
      depth--;
      handler.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] text, int start, int length) throws SAXException {
      chars += length;
      if (chars > maxChars) {
        throw new WorkbookTooLarge("a cell of the workbook holds more than " + maxChars + " characters");
      }
      handler.characters(text, start, length);
    }

    @Override
    public void startDocument() throws SAXException {
      handler.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
      handler.endDocument();
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
      // Excel's last column is XFD (16,384 columns): a reference beyond would pad the row without end.
      if (column < 0 || column >= 16_384) {
        throw new WorkbookTooLarge("a cell lies beyond the last column a workbook can have");
      }
      while (fields.size() < column) {
        fields.add("");
      }
      fields.add(CsvRows.normalize(formattedValue == null ? "" : formattedValue));
    }
  }
}
