package vn.ykien.registry.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Reads an import file row by row, never the whole file at once. */
public interface RowSource {

  /**
   * @param wrap applied to the file's byte stream where the format is read as a stream (e.g. to
   *     count bytes for a progress bar)
   */
  void read(Path file, UnaryOperator<InputStream> wrap, RowSink sink) throws IOException;

  static RowSource forFileName(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".xlsx")) {
      return new XlsxRows();
    }
    return new CsvRows();
  }
}
