package vn.ykien.identity;

import java.time.Instant;

/**
 * An official's account as others see it: never its password or second-factor secret.
 *
 * @param enrolmentPending the holder has not yet used their enrolment code (new or reset)
 */
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
    String createdBy,
    boolean enrolmentPending) {

  /** An account as it is created, before its holder enrolled. */
  public OfficialAccount(
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
      String createdBy) {
    this(username, displayName, role, unitEdition, unitCode, signsInWithPassword, hasTotp, signsInWithEid, active,
        createdAt, createdBy, false);
  }
}
