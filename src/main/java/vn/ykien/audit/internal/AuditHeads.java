package vn.ykien.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.audit.PublishedHead;
import vn.ykien.shared.SigningKey;

/**
 * Signs the audit trail's head once a day and keeps what it published. The key ({@code
 * ykien.audit.head-key}, env {@code YKIEN_AUDIT_KEY}) is kept outside the database and is not the
 * receipts' key: whoever can rewrite the database cannot sign a head, and every head already
 * copied from the public page pins the trail up to its entry.
 */
@Component
class AuditHeads {

  private static final Logger log = LoggerFactory.getLogger(AuditHeads.class);
  /** Days end at midnight in Vietnam, as the consultation's do. */
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  /** Days caught up at most in one run (a server that was down for years signs the rest later). */
  private static final int CATCH_UP_DAYS = 400;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SigningKey key;

  AuditHeads(JdbcClient jdbc, Clock clock, @Value("${ykien.audit.head-key:}") String base64Key) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.key = SigningKey.fromPkcs8(base64Key, "ykien.audit.head-key (env YKIEN_AUDIT_KEY)");
  }

  /** Publishes the head of every day that has ended and has none yet (any server; once each). */
  @Scheduled(fixedDelayString = "${ykien.audit.publish-heads-every:PT10M}", initialDelayString = "PT30S")
  void publishDue() {
    LocalDate today = LocalDate.now(clock.withZone(ZONE));
    LocalDate first =
        jdbc.sql("select max(day) from audit.published_head")
            .query((rs, row) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
            .single()
            .map(last -> last.plusDays(1))
            .or(this::firstDay)
            .orElse(today.minusDays(1));
    if (first.isBefore(today.minusDays(CATCH_UP_DAYS))) {
      first = today.minusDays(CATCH_UP_DAYS);
    }
    for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
      publish(day);
    }
  }

  /**
   * Signs and stores the head as it stands at the end of {@code day}: the last entry written
   * before midnight. A day already published keeps its first head.
   */
  @Transactional
  public PublishedHead publish(LocalDate day) {
    var end = Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
    var last =
        jdbc.sql("select id, hash from audit.entry where at < ? order by id desc limit 1")
            .param(end)
            .query((rs, row) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
            .optional();
    long entryId = last.map(row -> (long) row[0]).orElse(0L);
    byte[] hash = last.map(row -> (byte[]) row[1]).orElse(AuditLog.GENESIS);
    var unsigned = new PublishedHead(day, entryId, HexFormat.of().formatHex(hash), "");
    byte[] signature = key.sign(unsigned.signedText());
    int stored =
        jdbc.sql(
                """
                insert into audit.published_head (day, entry_id, hash, published_at, signature)
                values (?, ?, ?, ?, ?) on conflict (day) do nothing
                """)
            .params(day, entryId, hash, Timestamp.from(clock.instant()), signature)
            .update();
    if (stored == 1) {
      log.info("Audit trail head of {} published: entry {}", day, entryId);
    }
    // The head of the day as stored: this one, or the one another server published first.
    return jdbc.sql("select day, entry_id, hash, signature from audit.published_head where day = ?")
        .param(day)
        .query(AuditHeads::head)
        .single();
  }

  List<PublishedHead> published() {
    return jdbc.sql("select day, entry_id, hash, signature from audit.published_head order by day desc")
        .query(AuditHeads::head)
        .list();
  }

  private static PublishedHead head(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new PublishedHead(
        rs.getObject(1, LocalDate.class),
        rs.getLong(2),
        HexFormat.of().formatHex(rs.getBytes(3)),
        Base64.getUrlEncoder().withoutPadding().encodeToString(rs.getBytes(4)));
  }

  boolean signedByUs(PublishedHead head) {
    try {
      return key.verify(head.signedText(), Base64.getUrlDecoder().decode(head.signature()));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  String publicKeyPem() {
    return key.publicKeyPem();
  }

  private java.util.Optional<LocalDate> firstDay() {
    return jdbc.sql("select min(at) from audit.entry")
        .query((rs, row) -> java.util.Optional.ofNullable(rs.getTimestamp(1)))
        .single()
        .map(at -> LocalDate.ofInstant(at.toInstant(), ZONE));
  }
}
