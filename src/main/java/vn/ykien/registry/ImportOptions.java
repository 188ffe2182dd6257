package vn.ykien.registry;

/**
 * How to import a registry file.
 *
 * @param unitEdition the edition of the administrative units that the file's unit codes refer to
 * @param applyValidRows false (the default): a file with any error applies nothing; true: the valid
 *     rows are applied and the invalid ones reported
 */
public record ImportOptions(String unitEdition, boolean applyValidRows) {

  public static ImportOptions allOrNothing(String unitEdition) {
    return new ImportOptions(unitEdition, false);
  }
}
