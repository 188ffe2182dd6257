package vn.ykien.identity;

import java.time.Instant;

/** An official's account as others see it: never its password or second-factor secret. */
public record OfficialAccount(
    String username,
    String displayName,
    OfficialRole role,
    String unitEdition,
    String unitCode,
    boolean signsInWithPassword,
    boolean hasTotp,
    boolean signsInWithEid,
    boolean active,
    Instant createdAt,
    String createdBy) {}
