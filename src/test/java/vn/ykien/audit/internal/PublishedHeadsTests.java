package vn.ykien.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.audit.AuditEntry;
import vn.ykien.audit.AuditTrail;
import vn.ykien.audit.ChainCheck;
import vn.ykien.audit.PublishedHead;
import vn.ykien.identity.OfficialViewedPeople;
import vn.ykien.shared.SigningKey;
import vn.ykien.units.Units;

/**
 * Someone with the database can rewrite the audit trail and recompute its whole hash chain; the
 * heads the platform signed and published (and people copied) still give it away.
 */
@IntegrationTest
class PublishedHeadsTests {

  @LocalServerPort int port;
  @Autowired AuditTrail trail;
  @Autowired AuditHeads heads;
  @Autowired ApplicationEventPublisher events;
  @Autowired JdbcClient jdbc;
  @Autowired Units units;

  @Test
  void anInsiderWhoRewritesTheTrailAndRecomputesItsHashesIsCaughtByThePublishedHead() {
    viewAList("canbo.giaothuy", "rewritten-later");
    long rewritten = lastEntry();
    viewAList("canbo.giaothuy", "after-it");
    PublishedHead head = heads.publish(dayAfterEveryEntry());
    assertThat(head.entryId()).isGreaterThanOrEqualTo(rewritten + 1);
    assertThat(trail.verify()).isInstanceOf(ChainCheck.Intact.class);

    List<Map<String, Object>> original =
        jdbc.sql("select id, official, previous_hash, hash from audit.entry where id >= ? order by id")
            .param(rewritten)
            .query()
            .listOfRows();
    List<Map<String, Object>> storedHeads = jdbc.sql("select * from audit.published_head").query().listOfRows();
    jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
    jdbc.sql("alter table audit.published_head disable trigger published_head_append_only").update();
    try {
      // The insider removes their name and makes the chain whole again.
      jdbc.sql("update audit.entry set official = 'someone.else' where id = ?").param(rewritten).update();
      recomputeChainFrom(rewritten);
      assertThat(trail.verify()).isEqualTo(new ChainCheck.HeadMismatch(head.day(), head.entryId()));

      // They delete the published heads in the database too: the copies kept outside remain.
      jdbc.sql("delete from audit.published_head").update();
      assertThat(trail.verify()).isInstanceOf(ChainCheck.Intact.class);
      assertThat(trail.verify(List.of(head))).isEqualTo(new ChainCheck.HeadMismatch(head.day(), head.entryId()));

      // A head they make up for the rewritten trail is not signed with the platform's key.
      long entryId = head.entryId();
      String hash =
          java.util.HexFormat.of()
              .formatHex(jdbc.sql("select hash from audit.entry where id = ?").param(entryId).query(byte[].class).single());
      var forger =
          SigningKey.fromPkcs8("MC4CAQAwBQYDK2VwBCIEIPoxHauz0l8+mIz11x1Nq4BV2ldfU0UjV0RFkpusaMdo", "a key of their own");
      var unsigned = new PublishedHead(head.day(), entryId, hash, "");
      var forged =
          new PublishedHead(
              head.day(),
              entryId,
              hash,
              Base64.getUrlEncoder().withoutPadding().encodeToString(forger.sign(unsigned.signedText())));
      assertThat(trail.verify(List.of(forged))).isEqualTo(new ChainCheck.HeadNotSigned(head.day()));
    } finally {
      for (var row : original) {
        jdbc.sql("update audit.entry set official = ?, previous_hash = ?, hash = ? where id = ?")
            .params(row.get("official"), row.get("previous_hash"), row.get("hash"), row.get("id"))
            .update();
      }
      jdbc.sql("delete from audit.published_head").update();
      for (var row : storedHeads) {
        jdbc.sql("insert into audit.published_head (day, entry_id, hash, published_at, signature) values (?, ?, ?, ?, ?)")
            .params(row.get("day"), row.get("entry_id"), row.get("hash"), row.get("published_at"), row.get("signature"))
            .update();
      }
      jdbc.sql("alter table audit.published_head enable trigger published_head_append_only").update();
      jdbc.sql("alter table audit.entry enable trigger entry_append_only").update();
    }
    assertThat(trail.verify(List.of(head))).isInstanceOf(ChainCheck.Intact.class);
  }

  @Test
  void cuttingTheNewestEntriesOffTheTrailIsCaughtByTheHeadThatCoveredThem() {
    viewAList("canbo.giaothuy", "to-be-cut");
    PublishedHead head = heads.publish(dayAfterEveryEntry());
    long last = lastEntry();
    // Entries written after the day's head was published are covered by tomorrow's: make sure the
    // cut removes one the head covers.
    assertThat(head.entryId()).isLessThanOrEqualTo(last);
    List<Map<String, Object>> cut =
        jdbc.sql("select * from audit.entry where id >= ? order by id").param(head.entryId()).query().listOfRows();
    jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
    try {
      jdbc.sql("delete from audit.entry where id >= ?").param(head.entryId()).update();
      assertThat(trail.verify()).isEqualTo(new ChainCheck.HeadMismatch(head.day(), head.entryId()));
    } finally {
      for (var row : cut) {
        jdbc.sql(
                """
                insert into audit.entry (id, at, official, action, unit_edition, unit_code, unit_path,
                  detail, row_count, previous_hash, hash)
                values (:id, :at, :official, :action, :unit_edition, :unit_code, :unit_path, :detail,
                  :row_count, :previous_hash, :hash)
                """)
            .paramSource(row)
            .update();
      }
      jdbc.sql("alter table audit.entry enable trigger entry_append_only").update();
    }
    assertThat(trail.verify()).isInstanceOf(ChainCheck.Intact.class);
  }

  @Test
  void anyoneCopiesTheDailyHeadsAndAnAuditorChecksTheTrailAgainstTheCopy() {
    viewAList("canbo.giaothuy", "copied");
    PublishedHead head = heads.publish(dayAfterEveryEntry());

    var anyone = new OfficialSession(port);
    String page = anyone.get("/audit/heads").body();
    assertThat(page).contains(head.hash()).contains(head.signature()).contains("BEGIN PUBLIC KEY");
    String copy = anyone.get("/audit/heads.txt").body();
    assertThat(copy.lines()).contains(head.line());

    var auditor = new OfficialSession(port);
    assertThat(auditor.signIn("kiemtoan.quocgia", "giaothuy-2025", "")).isTrue();
    String checked = auditor.post("/officials/units/2026-07/VN/audit/verify", Map.of("heads", copy)).body();
    assertThat(checked).contains("Chuỗi kiểm tra toàn vẹn còn nguyên").contains("khớp với");
    String garbled =
        auditor.post("/officials/units/2026-07/VN/audit/verify", Map.of("heads", head.line() + "\nnot a head\n")).body();
    assertThat(garbled).contains("Dòng 2 không phải là một mốc đã công bố");
  }

  private void viewAList(String official, String detail) {
    String path = units.findByCode("2026-07", "14167").orElseThrow().path();
    events.publishEvent(new OfficialViewedPeople(official, "2026-07", "14167", path, "audit-trail", detail, 1));
  }

  private long lastEntry() {
    return jdbc.sql("select max(id) from audit.entry").query(Long.class).single();
  }

  /**
   * A day not published yet, whose end lies after every entry so far. The platform publishes each
   * day once, after it ended; these tests each need a head of their own in one shared database,
   * so each takes a day of its own, far ahead.
   */
  private static LocalDate dayAfterEveryEntry() {
    return LocalDate.now(AuditHeads.ZONE).plusYears(10).plusDays(DAYS.incrementAndGet());
  }

  private static final java.util.concurrent.atomic.AtomicInteger DAYS = new java.util.concurrent.atomic.AtomicInteger();

  /** What an insider with the database can do: every hash from that entry on, made consistent. */
  private void recomputeChainFrom(long first) {
    byte[] previous =
        jdbc.sql("select hash from audit.entry where id = ?").param(first - 1).query(byte[].class).optional().orElse(AuditLog.GENESIS);
    List<Object[]> rows = new ArrayList<>();
    jdbc.sql("select * from audit.entry where id >= ? order by id")
        .param(first)
        .query(
            (java.sql.ResultSet rs) -> {
              rows.add(
                  new Object[] {
                    new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant().truncatedTo(ChronoUnit.MICROS),
                        rs.getString("official"),
                        rs.getString("action"),
                        rs.getString("unit_edition"),
                        rs.getString("unit_code"),
                        rs.getString("detail"),
                        rs.getInt("row_count")),
                    rs.getString("unit_path")
                  });
            });
    for (Object[] row : rows) {
      AuditEntry entry = (AuditEntry) row[0];
      byte[] hash = AuditLog.hash(previous, entry, (String) row[1]);
      jdbc.sql("update audit.entry set previous_hash = ?, hash = ? where id = ?")
          .params(previous, hash, entry.id())
          .update();
      previous = hash;
    }
  }
}
