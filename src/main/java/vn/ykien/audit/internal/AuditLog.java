package vn.ykien.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import vn.ykien.audit.PublishedHead;
import vn.ykien.identity.OfficialChangedRecords;
import vn.ykien.identity.OfficialViewedPeople;
import vn.ykien.units.Unit;

/**
 * Writes and checks the hash chain. Each entry's hash is SHA-256 over the previous entry's hash
 * and the entry's own fields, so an entry changed, removed or slipped in later shows up when the
 * chain is checked. Entries are appended one at a time under a transaction-scoped advisory lock.
 */
@Service
class AuditLog implements AuditTrail {

  static final byte[] GENESIS = new byte[32];
  private static final long LOCK = 0x59_4b_61_75_64_69_74L; // "YKaudit"

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditHeads heads;

  AuditLog(JdbcClient jdbc, Clock clock, AuditHeads heads) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.heads = heads;
  }

  /**
   * Synchronous, in its own transaction: the list is shown only after its entry is stored, and a
   * failure to store it fails the page.
   */
  @EventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(OfficialViewedPeople viewed) {
    append(
        viewed.official(),
        viewed.list(),
        viewed.unitEdition(),
        viewed.unitCode(),
        viewed.unitPath(),
        viewed.detail(),
        viewed.people());
  }

  /**
   * In the transaction that makes the change (there must be one): the change and its entry are
   * committed together, or neither is.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void on(OfficialChangedRecords changed) {
    append(
        changed.official(),
        changed.action(),
        changed.unitEdition(),
        changed.unitCode(),
        changed.unitPath(),
        changed.detail(),
        changed.records());
  }

  private void append(
      String official, String action, String unitEdition, String unitCode, String unitPath, String detail, int count) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
    var last =
        jdbc.sql("select id, hash from audit.entry order by id desc limit 1")
            .query((rs, row) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
            .optional();
    long id = last.map(row -> (long) row[0] + 1).orElse(1L);
    byte[] previous = last.map(row -> (byte[]) row[1]).orElse(GENESIS);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    var entry = new AuditEntry(id, at, official, action, unitEdition, unitCode, detail, count);
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
        .param("path", unitPath)
        .param("detail", entry.detail())
        .param("rows", entry.people())
        .param("previous", previous)
        .param("hash", hash(previous, entry, unitPath))
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
  public ChainCheck verify(List<PublishedHead> keptOutside) {
    List<PublishedHead> all = new ArrayList<>(heads.published());
    all.addAll(keptOutside);
    all.sort(Comparator.comparing(PublishedHead::day).thenComparingLong(PublishedHead::entryId));
    for (PublishedHead head : all) {
      if (!heads.signedByUs(head)) {
        return new ChainCheck.HeadNotSigned(head.day());
      }
    }
    Map<Long, List<PublishedHead>> headsAt = new HashMap<>();
    all.forEach(head -> headsAt.computeIfAbsent(head.entryId(), id -> new ArrayList<>()).add(head));
    AtomicReference<@Nullable ChainCheck> found =
        new AtomicReference<>(mismatch(headsAt.getOrDefault(0L, List.of()), GENESIS));
    AtomicReference<byte[]> previous = new AtomicReference<>(GENESIS);
    AtomicLong expectedId = new AtomicLong(1);
    jdbc.sql("select * from audit.entry order by id")
        .query(
            rs -> {
              if (found.get() != null) {
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
                found.set(new ChainCheck.Broken(id, expectedId.get() - 1));
                return;
              }
              found.set(mismatch(headsAt.getOrDefault(id, List.of()), stored));
              previous.set(stored);
              expectedId.incrementAndGet();
            });
    if (found.get() != null) {
      return found.get();
    }
    long entries = expectedId.get() - 1;
    // A head beyond the last entry: the trail was cut short after it was published.
    return all.stream()
        .filter(head -> head.entryId() > entries)
        .findFirst()
        .<ChainCheck>map(head -> new ChainCheck.HeadMismatch(head.day(), head.entryId()))
        .orElseGet(() -> new ChainCheck.Intact(entries, all.size()));
  }

  private static @Nullable ChainCheck mismatch(List<PublishedHead> heads, byte[] hash) {
    String hex = HexFormat.of().formatHex(hash);
    return heads.stream()
        .filter(head -> !head.hash().equals(hex))
        .findFirst()
        .<ChainCheck>map(head -> new ChainCheck.HeadMismatch(head.day(), head.entryId()))
        .orElse(null);
  }

  @Override
  public List<PublishedHead> publishedHeads() {
    return heads.published();
  }

  @Override
  public String headKeyPem() {
    return heads.publicKeyPem();
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
