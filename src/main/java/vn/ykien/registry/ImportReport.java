package vn.ykien.registry;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an import found and did.
 *
 * @param rows data rows read (the header not counted)
 * @param applied whether anything was written
 * @param errors the first errors found, in line order (at most {@link #LISTED_ERRORS})
 * @param errorCount all errors found
 * @param errorsByReason error counts per reason
 * @param changeDigest for an applied import, a digest of every person's record it inserted or
 *     changed, as written (see docs/registry-import.md), recorded in the audit trail; null otherwise,
 *     and for a first load into an empty registry, where the file's digest says it all
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
    List<RowError> errors,
    @Nullable String changeDigest) {

  public static final int LISTED_ERRORS = 1000;

  /** A report of an import that changed nothing. */
  public ImportReport(
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
    this(fileName, rows, applied, inserted, updated, unchanged, rejectedRows, errorCount, errorsByReason, errors, null);
  }

  public boolean hasErrors() {
    return errorCount > 0;
  }
}
