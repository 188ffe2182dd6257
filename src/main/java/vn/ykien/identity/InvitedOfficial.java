package vn.ykien.identity;

import org.jspecify.annotations.Nullable;

/**
 * An account an official creates for someone else. The creator chooses no password and sees no
 * second-factor secret: the holder sets both with the one-time enrolment code the creator hands
 * over ({@link AccountCreation.Created#enrolmentCode()}).
 *
 * @param citizenId the holder's own personal id, to sign in with their e-ID as well; may be null
 */
public record InvitedOfficial(
    String username,
    String displayName,
    OfficialRole role,
    String unitEdition,
    String unitCode,
    @Nullable String citizenId) {}
