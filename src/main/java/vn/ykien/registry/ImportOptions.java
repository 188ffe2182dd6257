package vn.ykien.registry;

import org.jspecify.annotations.Nullable;

/**
 * How to import a registry file.
 *
 * @param unitEdition the edition of the administrative units that the file's unit codes refer to
 * @param applyValidRows false (the default): a file with any error applies nothing; true: the valid
 *     rows are applied and the invalid ones reported
 * @param scopeUnitCode when set, every row must live in this unit or below it (an official imports
 *     for their own area only); such an import may not lower anyone's e-ID level either
 * @param importedBy the official's username, or {@link #CONSOLE} for the operator at the server:
 *     the audit trail names them for every import that changed anything
 */
public record ImportOptions(
    String unitEdition, boolean applyValidRows, @Nullable String scopeUnitCode, String importedBy) {

  /** Who imports at the server's console ({@code ykien registry import}). */
  public static final String CONSOLE = "console";

  public ImportOptions(String unitEdition, boolean applyValidRows) {
    this(unitEdition, applyValidRows, null, CONSOLE);
  }

  public static ImportOptions allOrNothing(String unitEdition) {
    return new ImportOptions(unitEdition, false);
  }
}
