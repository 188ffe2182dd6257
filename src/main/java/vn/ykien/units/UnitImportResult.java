package vn.ykien.units;

/** What an import did. */
public sealed interface UnitImportResult {

  record Imported(String edition, int units) implements UnitImportResult {}

  /** The file could not be read as a units file; nothing was changed. */
  record Rejected(String messageKey, String detail) implements UnitImportResult {}
}
