package vn.ykien.identity;

import vn.ykien.shared.CitizenId;

/**
 * A citizen signed in through the e-ID provider: the personal id and the assurance level the
 * provider's signed token asserts. Controllers take it as a parameter.
 */
public record SignedInCitizen(CitizenId citizenId, int assuranceLevel) {}
