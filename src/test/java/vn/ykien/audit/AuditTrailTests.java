package vn.ykien.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.identity.NewOfficial;
import vn.ykien.identity.OfficialAccounts;
import vn.ykien.identity.OfficialRole;
import vn.ykien.units.Units;

/** Every view of a list of people is in the audit trail, which nobody can change unnoticed. */
@IntegrationTest
class AuditTrailTests {

  static final String PASSWORD = "kiem-tra-nhat-ky-2025";

  @LocalServerPort int port;
  @Autowired AuditTrail trail;
  @Autowired OfficialAccounts accounts;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;

  @Test
  void viewingAnImportReportWithPeopleInItIsLoggedAndTheAuditorSeesIt() throws Exception {
    accounts.createAtConsole(
        new NewOfficial("nhapdl.giaothuy", "Bùi Văn Nhập", OfficialRole.COMMUNE_OFFICER, "2026-07", "14167", PASSWORD, null, false));
    var official = new OfficialSession(port);
    assertThat(official.signIn("nhapdl.giaothuy", PASSWORD, "")).isTrue();
    String csv =
        "citizen_id,full_name,birth_date,sex,household_code,household_address,household_head,unit_code,"
            + "eid_state,eid_level,occupation,memberships\n"
            + "03608590000X,Nguyễn Văn Sai,1985-01-01,M,HAUDIT1,Số 1,true,14167-01,ACTIVATED,2,FARMER,\n";
    var upload =
        official.upload("/officials/units/2026-07/14167/registry/import", "sai.csv", csv.getBytes(StandardCharsets.UTF_8));
    String job = upload.headers().firstValue("Location").orElseThrow();
    String report = "";
    for (int i = 0; i < 100 && !report.contains("import-report"); i++) {
      Thread.sleep(100);
      report = official.get(job.replaceFirst("^https?://[^/]+", "")).body();
    }
    assertThat(report).contains("03608590000X");

    var entries = trail.within(units.findByCode("2026-07", "14167").orElseThrow(), 50);
    assertThat(entries)
        .anySatisfy(
            entry -> {
              assertThat(entry.official()).isEqualTo("nhapdl.giaothuy");
              assertThat(entry.list()).isEqualTo("registry-import-report");
              assertThat(entry.unitCode()).isEqualTo("14167");
              assertThat(entry.detail()).isEqualTo("sai.csv");
              assertThat(entry.people()).isEqualTo(1);
            });

    var auditor = new OfficialSession(port);
    assertThat(auditor.signIn("kiemtoan.quocgia", "giaothuy-2025", "")).isTrue();
    String page = auditor.get("/officials/units/2026-07/37/audit").body();
    assertThat(page).contains("nhapdl.giaothuy").contains("Báo cáo nhập danh sách dân cư");
    assertThat(page).doesNotContain("Chuỗi kiểm tra toàn vẹn");
    assertThat(auditor.get("/officials/units/2026-07/37/audit?verify=true").body())
        .contains("Chuỗi kiểm tra toàn vẹn còn nguyên");
  }

  @Test
  void theTrailCannotBeChangedOrEmptied() {
    assertThat(trail.verify()).isInstanceOf(ChainCheck.Intact.class);
    assertThatThrownBy(() -> jdbc.sql("update audit.entry set official = 'someone.else'").update())
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit.entry").update())
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("truncate audit.entry").update())
        .rootCause()
        .hasMessageContaining("append-only");
  }

  @Test
  void aChangeMadeAroundTheGuardsBreaksTheChainFromThatEntryOn() {
    var official = new OfficialSession(port);
    assertThat(official.signIn("canbo.giaothuy", "giaothuy-2025", "")).isTrue();
    official.get("/officials/units/2026-07/14167/accounts");
    long last = jdbc.sql("select max(id) from audit.entry").query(Long.class).single();
    String original =
        jdbc.sql("select official from audit.entry where id = ?").param(last).query(String.class).single();
    // A database superuser can switch the trigger off; the hash chain still gives it away.
    jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
    try {
      jdbc.sql("update audit.entry set official = 'someone.else' where id = ?").param(last).update();
      assertThat(trail.verify()).isEqualTo(new ChainCheck.Broken(last, last - 1));
    } finally {
      jdbc.sql("update audit.entry set official = ? where id = ?").param(original).param(last).update();
      jdbc.sql("alter table audit.entry enable trigger entry_append_only").update();
    }
    assertThat(trail.verify()).isInstanceOf(ChainCheck.Intact.class);
  }
}
