package vn.ykien.registry.internal.imports;

import java.io.IOException;
import java.io.InputStream;

/** Reads an import file row by row, never the whole file at once. */
public interface RowSource {

  void read(InputStream in, RowSink sink) throws IOException;

  static RowSource forFileName(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".xlsx")) {
      return new XlsxRows();
    }
    return new CsvRows();
  }
}
