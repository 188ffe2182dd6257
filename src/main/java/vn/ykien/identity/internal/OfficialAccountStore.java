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

  OfficialAccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  void insert(
      OfficialAccount account,
      String unitPath,
      @Nullable String passwordHash,
      @Nullable String totpSecret,
      @Nullable String citizenId) {
    jdbc.sql(
            """
            insert into identity.official (username, display_name, role, unit_edition, unit_code,
              unit_path, password_hash, totp_secret, citizen_id, active, created_at, created_by)
            values (:username, :name, :role, :edition, :code, :path, :hash, :totp, :citizen, true,
              :at, :by)
            """)
        .param("username", account.username())
        .param("name", account.displayName())
        .param("role", account.role().name())
        .param("edition", account.unitEdition())
        .param("code", account.unitCode())
        .param("path", unitPath)
        .param("hash", passwordHash)
        .param("totp", totpSecret)
        .param("citizen", citizenId)
        .param("at", java.sql.Timestamp.from(account.createdAt()))
        .param("by", account.createdBy())
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

  Optional<Credentials> credentials(String username) {
    return jdbc.sql(
            "select username, password_hash, totp_secret, active from identity.official where username = ?")
        .param(username)
        .query(
            (rs, row) ->
                new Credentials(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    rs.getString("totp_secret"),
                    rs.getBoolean("active")))
        .optional();
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
        rs.getString("totp_secret") != null,
        rs.getString("citizen_id") != null,
        rs.getBoolean("active"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"));
  }
}
