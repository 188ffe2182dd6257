package vn.ykien.registry;

import org.jspecify.annotations.Nullable;

/**
 * One problem in an imported file.
 *
 * @param line the physical line (CSV) or row (XLSX) number, 1 for the header
 * @param column the column's name, or null for a problem with the whole row
 * @param reason a message key under {@code registry.import.error.}
 * @param value the offending value, shortened
 */
public record RowError(long line, @Nullable String column, String reason, @Nullable String value) {}
