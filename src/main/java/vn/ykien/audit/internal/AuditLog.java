package vn.ykien.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.audit.AuditEntry;
import vn.ykien.audit.AuditTrail;
import vn.ykien.audit.ChainCheck;
import vn.ykien.identity.OfficialViewedPeople;
import vn.ykien.units.Unit;

/**
 * Writes and checks the hash chain. Each entry's hash is SHA-256 over the previous entry's hash
 * and the entry's own fields, so an entry changed, removed or slipped in later shows up when the
 * chain is checked. Entries are appended one at a time under a transaction-scoped advisory lock.
 */
@Service
class AuditLog implements AuditTrail {

  private static final byte[] GENESIS = new byte[32];
  private static final long LOCK = 0x59_4b_61_75_64_69_74L; // "YKaudit"

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Synchronous, in its own transaction: the list is shown only after its entry is stored, and a
   * failure to store it fails the page.
   */
  @EventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(OfficialViewedPeople viewed) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
    var last =
        jdbc.sql("select id, hash from audit.entry order by id desc limit 1")
            .query((rs, row) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
            .optional();
    long id = last.map(row -> (long) row[0] + 1).orElse(1L);
    byte[] previous = last.map(row -> (byte[]) row[1]).orElse(GENESIS);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    var entry =
        new AuditEntry(
            id,
            at,
            viewed.official(),
            viewed.list(),
            viewed.unitEdition(),
            viewed.unitCode(),
            viewed.detail(),
            viewed.people());
    jdbc.sql(
            """
            insert into audit.entry (id, at, official, action, unit_edition, unit_code, unit_path,
              detail, row_count, previous_hash, hash)
            values (:id, :at, :official, :action, :edition, :code, :path, :detail, :rows, :previous,
              :hash)
            """)
        .param("id", id)
        .param("at", Timestamp.from(at))
        .param("official", entry.official())
        .param("action", entry.list())
        .param("edition", entry.unitEdition())
        .param("code", entry.unitCode())
        .param("path", viewed.unitPath())
        .param("detail", entry.detail())
        .param("rows", entry.people())
        .param("previous", previous)
        .param("hash", hash(previous, entry, viewed.unitPath()))
        .update();
  }

  @Override
  public List<AuditEntry> within(Unit unit, int limit) {
    return jdbc.sql(
            """
            select * from audit.entry where unit_path like :path || '%'
            order by id desc limit :limit
            """)
        .param("path", unit.path())
        .param("limit", limit)
        .query(
            (rs, row) ->
                new AuditEntry(
                    rs.getLong("id"),
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("official"),
                    rs.getString("action"),
                    rs.getString("unit_edition"),
                    rs.getString("unit_code"),
                    rs.getString("detail"),
                    rs.getInt("row_count")))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public ChainCheck verify() {
    AtomicReference<byte[]> previous = new AtomicReference<>(GENESIS);
    AtomicLong expectedId = new AtomicLong(1);
    AtomicReference<@Nullable Long> broken = new AtomicReference<>();
    jdbc.sql("select * from audit.entry order by id")
        .query(
            rs -> {
              if (broken.get() != null) {
                return;
              }
              long id = rs.getLong("id");
              var entry =
                  new AuditEntry(
                      id,
                      rs.getTimestamp("at").toInstant(),
                      rs.getString("official"),
                      rs.getString("action"),
                      rs.getString("unit_edition"),
                      rs.getString("unit_code"),
                      rs.getString("detail"),
                      rs.getInt("row_count"));
              byte[] stored = rs.getBytes("hash");
              boolean follows =
                  id == expectedId.get() && Arrays.equals(previous.get(), rs.getBytes("previous_hash"));
              if (!follows
                  || !MessageDigest.isEqual(stored, hash(previous.get(), entry, rs.getString("unit_path")))) {
                broken.set(id);
                return;
              }
              previous.set(stored);
              expectedId.incrementAndGet();
            });
    Long brokenAt = broken.get();
    return brokenAt == null
        ? new ChainCheck.Intact(expectedId.get() - 1)
        : new ChainCheck.Broken(brokenAt, expectedId.get() - 1);
  }

  static byte[] hash(byte[] previous, AuditEntry entry, String unitPath) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(previous);
      // Fields separated by a byte that cannot occur in them (NUL is refused by PostgreSQL text).
      String fields =
          String.join(
              "\u0000",
              Long.toString(entry.id()),
              Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, entry.at())),
              entry.official(),
              entry.list(),
              entry.unitEdition(),
              entry.unitCode(),
              unitPath,
              entry.detail(),
              Integer.toString(entry.people()));
      return digest.digest(fields.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
