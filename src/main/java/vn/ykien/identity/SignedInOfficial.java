package vn.ykien.identity;

/**
 * An official, whose rights cover one unit and everything below it.
 *
 * @param unitEdition the edition of the unit hierarchy the scope refers to
 * @param unitCode the code of the unit at the top of the official's scope
 */
public record SignedInOfficial(String username, String unitEdition, String unitCode) {}
