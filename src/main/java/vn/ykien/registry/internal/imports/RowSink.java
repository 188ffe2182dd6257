package vn.ykien.registry.internal.imports;

import java.util.List;

/** Receives the rows of an import file in order; the first row is the header. */
public interface RowSink {

  /**
   * @param line the physical line (CSV) or row number (XLSX), 1-based
   * @param fields the row's fields, NFC-normalised; a field with undecodable bytes holds U+FFFD
   */
  void row(long line, List<String> fields);
}
