package vn.ykien.identity;

/**
 * An official was shown a list of people (personal data): published synchronously before the list
 * is shown, so that the audit trail records it or the page fails.
 *
 * @param list what kind of list, e.g. {@code registry-import-report}
 * @param detail which one, e.g. the import's file name
 * @param people how many people the list showed
 */
public record OfficialViewedPeople(
    String official,
    String unitEdition,
    String unitCode,
    String unitPath,
    String list,
    String detail,
    int people) {}
