package vn.ykien.identity;

/**
 * An official changed records about people (applied a population list, confirmed a paper form,
 * managed an account): published inside the transaction that makes the change, so the audit
 * trail's entry and the change are stored together or not at all.
 *
 * @param action what was done, e.g. {@code registry-import-applied}
 * @param detail which one and how, e.g. the file's name and a digest of what changed
 * @param records how many records (people, accounts) the change touched
 */
public record OfficialChangedRecords(
    String official,
    String unitEdition,
    String unitCode,
    String unitPath,
    String action,
    String detail,
    int records) {}
