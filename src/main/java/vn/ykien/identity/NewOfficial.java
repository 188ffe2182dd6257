package vn.ykien.identity;

import org.jspecify.annotations.Nullable;

/**
 * An account to create.
 *
 * @param password the password, or null for an account that signs in only with its e-ID
 * @param citizenId the official's own personal id, to sign in with the e-ID instead; may be null
 * @param withTotp whether the account gets a second factor (a one-time code from an app)
 */
public record NewOfficial(
    String username,
    String displayName,
    OfficialRole role,
    String unitEdition,
    String unitCode,
    @Nullable String password,
    @Nullable String citizenId,
    boolean withTotp) {}
