package vn.ykien.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ykien.identity.OfficialAccount;
import vn.ykien.identity.OfficialRole;

/** The accounts table, {@code identity.official}. */
@Repository
class OfficialAccountStore {

  /** What sign-in needs of an account; the secret never leaves this module. */
  record Credentials(
      String username,
      @Nullable String passwordHash,
      @Nullable String totpSecret,
      boolean active) {}

  private final JdbcClient jdbc;
  private final TotpSecrets secrets;

  OfficialAccountStore(JdbcClient jdbc, TotpSecrets secrets) {
    this.jdbc = jdbc;
    this.secrets = secrets;
  }

  boolean usernameTaken(String username) {
    return jdbc.sql("select exists (select 1 from identity.official where username = ?)")
        .param(username)
        .query(Boolean.class)
        .single();
  }

  boolean citizenIdTaken(String citizenId) {
    return jdbc.sql("select exists (select 1 from identity.official where citizen_id = ?)")
        .param(citizenId)
        .query(Boolean.class)
        .single();
  }

  /** A one-time enrolment code, as stored: its SHA-256 and until when it may be used. */
  record Enrolment(byte[] hash, java.time.Instant expiresAt) {}

  void insert(
      OfficialAccount account,
      String unitPath,
      @Nullable String passwordHash,
      @Nullable String totpSecret,
      @Nullable String citizenId,
      @Nullable Enrolment enrolment) {
    jdbc.sql(
            """
            insert into identity.official (username, display_name, role, unit_edition, unit_code,
              unit_path, password_hash, totp_sealed, citizen_id, active, created_at, created_by,
              enrolment_hash, enrolment_expires_at)
            values (:username, :name, :role, :edition, :code, :path, :hash, :totp, :citizen, true,
              :at, :by, :enrolment, :expires)
            """)
        .param("username", account.username())
        .param("name", account.displayName())
        .param("role", account.role().name())
        .param("edition", account.unitEdition())
        .param("code", account.unitCode())
        .param("path", unitPath)
        .param("hash", passwordHash)
        .param("totp", totpSecret == null ? null : secrets.seal(account.username(), totpSecret))
        .param("citizen", citizenId)
        .param("at", java.sql.Timestamp.from(account.createdAt()))
        .param("by", account.createdBy())
        .param("enrolment", enrolment == null ? null : enrolment.hash())
        .param("expires", enrolment == null ? null : java.sql.Timestamp.from(enrolment.expiresAt()))
        .update();
  }

  Optional<OfficialAccount> findActive(String username) {
    return jdbc.sql("select * from identity.official where username = ? and active")
        .param(username)
        .query(OfficialAccountStore::account)
        .optional();
  }

  Optional<OfficialAccount> findActiveByCitizenId(String citizenId) {
    return jdbc.sql("select * from identity.official where citizen_id = ? and active")
        .param(citizenId)
        .query(OfficialAccountStore::account)
        .optional();
  }

  /**
   * What a password sign-in needs. While an enrolment is pending (a new account, or one whose
   * password or second factor was reset) the password does not sign in: the holder enrols first.
   */
  Optional<Credentials> credentials(String username) {
    return jdbc.sql(
            """
            select username, case when enrolment_hash is null then password_hash end as password_hash,
              totp_sealed, totp_secret, active
            from identity.official where username = ?
            """)
        .param(username)
        .query(
            (rs, row) ->
                new Credentials(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    totpSecret(rs),
                    rs.getBoolean("active")))
        .optional();
  }

  private @Nullable String totpSecret(ResultSet rs) throws SQLException {
    byte[] sealed = rs.getBytes("totp_sealed");
    // A secret stored before V29 may still be plain until sealLegacySecrets() ran.
    return sealed != null ? secrets.open(rs.getString("username"), sealed) : rs.getString("totp_secret");
  }

  /** Seals every second-factor secret still stored in the clear (from before V29). */
  int sealLegacySecrets() {
    int sealed = 0;
    for (var row :
        jdbc.sql("select username, totp_secret from identity.official where totp_secret is not null")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list()) {
      sealed +=
          jdbc.sql(
                  "update identity.official set totp_sealed = ?, totp_secret = null where username = ? and totp_secret = ?")
              .params(secrets.seal(row[0], row[1]), row[0], row[1])
              .update();
    }
    return sealed;
  }

  /** An account with the unit path it covers, whatever its state. */
  record Managed(OfficialAccount account, String unitPath) {}

  Optional<Managed> find(String username) {
    return jdbc.sql("select * from identity.official where username = ?")
        .param(username)
        .query((rs, row) -> new Managed(account(rs, row), rs.getString("unit_path")))
        .optional();
  }

  void setActive(String username, boolean active, String by, java.time.Instant at) {
    jdbc.sql("update identity.official set active = ?, changed_at = ?, changed_by = ? where username = ?")
        .params(active, java.sql.Timestamp.from(at), by, username)
        .update();
  }

  /** Removes the password (and any sign-in with it) until the holder enrols with the new code. */
  void resetPassword(String username, Enrolment enrolment, String by, java.time.Instant at) {
    jdbc.sql(
            """
            update identity.official set password_hash = null, enrolment_hash = ?,
              enrolment_expires_at = ?, changed_at = ?, changed_by = ?
            where username = ?
            """)
        .params(enrolment.hash(), java.sql.Timestamp.from(enrolment.expiresAt()), java.sql.Timestamp.from(at), by, username)
        .update();
  }

  /** Removes the second factor; the password does not sign in until the holder enrols a new one. */
  void resetSecondFactor(String username, Enrolment enrolment, String by, java.time.Instant at) {
    jdbc.sql(
            """
            update identity.official set totp_sealed = null, totp_secret = null, totp_last_step = null,
              enrolment_hash = ?, enrolment_expires_at = ?, changed_at = ?, changed_by = ?
            where username = ?
            """)
        .params(enrolment.hash(), java.sql.Timestamp.from(enrolment.expiresAt()), java.sql.Timestamp.from(at), by, username)
        .update();
  }

  /** An account whose enrolment code this is, while the code is valid. */
  record Enrolling(
      String username,
      String displayName,
      String unitEdition,
      String unitCode,
      String unitPath,
      @Nullable String passwordHash,
      @Nullable String totpSecret) {}

  Optional<Enrolling> enrolling(byte[] codeHash, java.time.Instant now) {
    return jdbc.sql(
            """
            select username, display_name, unit_edition, unit_code, unit_path, password_hash,
              totp_sealed, totp_secret
            from identity.official
            where enrolment_hash = ? and enrolment_expires_at > ? and active
            """)
        .params(codeHash, java.sql.Timestamp.from(now))
        .query(
            (rs, row) ->
                new Enrolling(
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getString("unit_edition"),
                    rs.getString("unit_code"),
                    rs.getString("unit_path"),
                    rs.getString("password_hash"),
                    totpSecret(rs)))
        .optional();
  }

  /**
   * Ends the enrolment: a new password and/or second factor where given. False when the code was
   * used meanwhile (two tabs): nothing changes then.
   */
  boolean completeEnrolment(
      String username,
      byte[] codeHash,
      @Nullable String passwordHash,
      @Nullable String totpSecret,
      long totpStep,
      java.time.Instant at) {
    return jdbc.sql(
                """
                update identity.official set
                  password_hash = coalesce(:hash, password_hash),
                  totp_sealed = coalesce(:totp, totp_sealed),
                  totp_last_step = greatest(coalesce(totp_last_step, 0), :step),
                  enrolment_hash = null, enrolment_expires_at = null,
                  changed_at = :at, changed_by = username
                where username = :username and enrolment_hash = :code
                """)
            .param("hash", passwordHash)
            .param("totp", totpSecret == null ? null : secrets.seal(username, totpSecret))
            .param("step", totpStep)
            .param("at", java.sql.Timestamp.from(at))
            .param("username", username)
            .param("code", codeHash)
            .update()
        == 1;
  }

  /**
   * Marks a time step as used, if it is later than the last one used: true when the code may be
   * accepted, false for a replayed (or older) code. Atomic, so two sign-ins with one code cannot
   * both pass.
   */
  boolean useTotpStep(String username, long step) {
    return jdbc.sql(
                """
                update identity.official set totp_last_step = :step
                where username = :username and (totp_last_step is null or totp_last_step < :step)
                """)
            .param("step", step)
            .param("username", username)
            .update()
        == 1;
  }

  List<OfficialAccount> withinPath(String path) {
    return jdbc.sql(
            """
            select * from identity.official where unit_path like :path || '%'
            order by unit_path, username
            """)
        .param("path", path)
        .query(OfficialAccountStore::account)
        .list();
  }

  private static OfficialAccount account(ResultSet rs, int row) throws SQLException {
    return new OfficialAccount(
        rs.getString("username"),
        rs.getString("display_name"),
        OfficialRole.valueOf(rs.getString("role")),
        rs.getString("unit_edition"),
        rs.getString("unit_code"),
        rs.getString("password_hash") != null,
        rs.getBytes("totp_sealed") != null || rs.getString("totp_secret") != null,
        rs.getString("citizen_id") != null,
        rs.getBoolean("active"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        rs.getBytes("enrolment_hash") != null);
  }
}
