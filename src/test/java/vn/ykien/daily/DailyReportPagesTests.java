package vn.ykien.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.consultation.Consultation;

@IntegrationTest
class DailyReportPagesTests {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired DailyReports reports;

  OfficialSession signedIn(String username) {
    OfficialSession session = new OfficialSession(port);
    assertThat(session.signIn(username, "giaothuy-2025", "")).isTrue();
    return session;
  }

  @Test
  void aGroupOfficerConfirmsTheReportAndTheCommuneSeesItArriveRemindsALateGroupButCannotConfirmForIt() {
    Consultation consultation = fixtures.anOpenConsultation();
    LocalDate day = LocalDate.now(Consultation.ZONE).minusDays(1);
    String query = "?consultation=" + consultation.slug() + "&day=" + day;
    OfficialSession group = signedIn("totruong.to01");

    var page = group.get("/officials/units/2026-07/14167-01/daily" + query);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"people\"", "id=\"confirm-report\"", "Số liệu do nền tảng chốt và ký số");
    Map<String, String> lines = Map.of("meetings", "2", "broadcasts", "1", "visits", "35", "difficulties", "Người già chưa có tài khoản", "proposals", "");
    var confirmed = group.post("/officials/units/2026-07/14167-01/daily" + query, lines);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("Đã xác nhận báo cáo (quá hạn).", "data-version=\"1\"");
    assertThat(group.post("/officials/units/2026-07/14167-01/daily" + query, lines).body())
        .contains("đã được xác nhận với đúng nội dung này");
    var noReason = group.post("/officials/units/2026-07/14167-01/daily" + query, Map.of("meetings", "3"));
    assertThat(noReason.statusCode()).isEqualTo(422);
    assertThat(noReason.body()).contains("hãy ghi lý do sửa");
    var notANumber = group.post("/officials/units/2026-07/14167-01/daily" + query, Map.of("meetings", "hai"));
    assertThat(notANumber.statusCode()).isEqualTo(422);
    assertThat(notANumber.body()).contains("phải là số nguyên");
    var badDay = group.post("/officials/units/2026-07/14167-01/daily?consultation=" + consultation.slug() + "&day=2026-13-45", lines);
    assertThat(badDay.statusCode()).isEqualTo(422);
    assertThat(reports.versions(consultation.id(), fixtures.residentialGroup(1).id(), day)).hasSize(1);

    OfficialSession commune = signedIn("canbo.giaothuy");
    var communePage = commune.get("/officials/units/2026-07/14167/daily" + query);
    assertThat(communePage.statusCode()).isEqualTo(200);
    assertThat(communePage.body())
        .contains("data-code=\"14167-01\" data-status=\"LATE\"", "data-code=\"14167-02\" data-status=\"MISSING\"");
    var reminded = commune.post("/officials/units/2026-07/14167/daily/remind" + query, Map.of("unit", "14167-02"));
    assertThat(reminded.body()).contains("Đã nhắc");
    assertThat(commune.post("/officials/units/2026-07/14167/daily/remind" + query, Map.of("unit", "37")).statusCode()).isEqualTo(422);
    assertThat(signedIn("totruong.to01").get("/officials/units/2026-07/14167-02/daily" + query).statusCode()).isEqualTo(403);

    var forTheGroup = commune.post("/officials/units/2026-07/14167-02/daily" + query, lines);
    assertThat(forTheGroup.statusCode()).isEqualTo(403);
    assertThat(forTheGroup.body()).contains("do cán bộ của chính đơn vị đó xác nhận");
    assertThat(reports.versions(consultation.id(), fixtures.residentialGroup(2).id(), day)).isEmpty();
  }

  @Test
  void aCommuneSetsAParticipationTargetAndHandsItDownButAForgedTargetOnApprovalIsRefused() {
    Consultation constitution = consultations.findBySlug("hien-phap-2025").orElseThrow();
    String deadline = LocalDate.ofInstant(constitution.window().closes(), Consultation.ZONE).minusDays(6).toString();
    String base = "/officials/units/2026-07/14167/daily/targets?consultation=hien-phap-2025";
    OfficialSession commune = signedIn("canbo.giaothuy");

    var forged = commune.post(base, Map.of("population", "ELIGIBLE", "measure", "APPROVAL", "percent", "95", "deadline", deadline));
    assertThat(forged.statusCode()).isEqualTo(422);
    assertThat(forged.body()).contains("không bao giờ cho nội dung ý kiến");
    var set = commune.post(base, Map.of("population", "ELIGIBLE", "measure", "PARTICIPATION", "percent", "95", "deadline", deadline));
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.body()).contains("Đã đặt chỉ tiêu.", "data-target=");
    long target = targets.of(constitution.id(), units.findByCode("2026-07", "14167").orElseThrow().id()).stream()
        .filter(t -> t.deadline().toString().equals(deadline)).findFirst().orElseThrow().id();
    var handed = commune.post("/officials/units/2026-07/14167/daily/targets/hand-down?consultation=hien-phap-2025",
        Map.of("target", Long.toString(target), "split", "BY_ELIGIBLE"));
    assertThat(handed.statusCode()).isEqualTo(200);
    assertThat(handed.body()).contains("Đã giao chỉ tiêu cho");
    var badDate = commune.post(base, Map.of("population", "ELIGIBLE", "measure", "PARTICIPATION", "percent", "95", "deadline", "31/12"));
    assertThat(badDate.statusCode()).isEqualTo(422);
    assertThat(badDate.body()).contains("không hợp lệ");
  }

  @Autowired vn.ykien.consultation.Consultations consultations;
  @Autowired Targets targets;
  @Autowired vn.ykien.units.Units units;
}
