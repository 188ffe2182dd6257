package vn.ykien.registry;

import java.util.List;
import java.util.Map;

/**
 * What an import found and did.
 *
 * @param rows data rows read (the header not counted)
 * @param applied whether anything was written
 * @param errors the first errors found, in line order (at most {@link #LISTED_ERRORS})
 * @param errorCount all errors found
 * @param errorsByReason error counts per reason
 */
public record ImportReport(
    String fileName,
    long rows,
    boolean applied,
    long inserted,
    long updated,
    long unchanged,
    long rejectedRows,
    long errorCount,
    Map<String, Long> errorsByReason,
    List<RowError> errors) {

  public static final int LISTED_ERRORS = 1000;

  public boolean hasErrors() {
    return errorCount > 0;
  }
}
