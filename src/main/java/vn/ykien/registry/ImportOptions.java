package vn.ykien.registry;

import org.jspecify.annotations.Nullable;

/**
 * How to import a registry file.
 *
 * @param unitEdition the edition of the administrative units that the file's unit codes refer to
 * @param applyValidRows false (the default): a file with any error applies nothing; true: the valid
 *     rows are applied and the invalid ones reported
 * @param scopeUnitCode when set, every row must live in this unit or below it (an official imports
 *     for their own area only)
 */
public record ImportOptions(
    String unitEdition, boolean applyValidRows, @Nullable String scopeUnitCode) {

  public ImportOptions(String unitEdition, boolean applyValidRows) {
    this(unitEdition, applyValidRows, null);
  }

  public static ImportOptions allOrNothing(String unitEdition) {
    return new ImportOptions(unitEdition, false, null);
  }
}
