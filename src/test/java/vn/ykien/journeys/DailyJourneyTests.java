package vn.ykien.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;

/** The daily chain on phones: a group reports, the commune follows up and reports, the province sees it arrive. */
@IntegrationTest
class DailyJourneyTests {

  static Browser browser;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() {
    browser = new Browser();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

  Page onAPhone(String username) {
    Page page = browser.newPhone();
    page.navigate("http://localhost:" + port + "/officials");
    page.fill("#username", username);
    page.fill("#password", "giaothuy-2025");
    page.click("#official-sign-in");
    page.waitForSelector("main h1");
    return page;
  }

  String daily(String unit) {
    LocalDate yesterday = LocalDate.now(Consultation.ZONE).minusDays(1);
    return "http://localhost:" + port + "/officials/units/2026-07/" + unit + "/daily?consultation=hien-phap-2025&day=" + yesterday;
  }

  @Test
  void aGroupConfirmsItsReportTheCommuneRemindsALateGroupAndConfirmsAndTheProvinceSeesItArrive() throws Exception {
    Page group = onAPhone("totruong.to01");
    group.navigate(daily("14167-01"));
    group.waitForSelector("#people");
    group.fill("#meetings", "2");
    group.fill("#visits", "31");
    group.fill("#difficulties", "Nhiều người lớn tuổi chưa dùng điện thoại thông minh");
    group.click("#confirm-report");
    group.waitForSelector("#done");
    assertThat(group.locator("#done").innerText()).contains("Đã xác nhận báo cáo");
    assertThat(group.locator("#versions li").count()).isEqualTo(1);
    Browser.screenshot(group, "30-daily-group-confirmed");

    Page commune = onAPhone("canbo.giaothuy");
    commune.navigate(daily("14167"));
    commune.waitForSelector("#completeness");
    assertThat(commune.locator("#completeness tr[data-code='14167-01']").getAttribute("data-status")).isEqualTo("LATE");
    assertThat(commune.locator("#completeness tr[data-code='14167-03']").getAttribute("data-status")).isEqualTo("MISSING");
    commune.locator("#completeness tr[data-code='14167-03'] button.remind").click();
    commune.waitForSelector("#done");
    assertThat(commune.locator("#done").innerText()).contains("Đã nhắc");
    commune.fill("#meetings", "5");
    commune.click("#confirm-report");
    commune.waitForSelector("#versions");
    assertThat(commune.locator("#done").innerText()).contains("Đã xác nhận báo cáo");
    Browser.screenshot(commune, "31-daily-commune-confirmed");

    Download pdf = commune.waitForDownload(() -> commune.click("#download-pdf"));
    Download docx = commune.waitForDownload(() -> commune.click("#download-docx"));
    assertThat(Files.readAllBytes(pdf.path())).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(Files.size(docx.path())).isPositive();
    assertThat(docx.suggestedFilename()).endsWith(".docx");

    Page province = onAPhone("canbo.ninhbinh");
    province.navigate(daily("37"));
    province.waitForSelector("#completeness");
    assertThat(province.locator("#completeness tr[data-code='14167']").getAttribute("data-status")).isEqualTo("LATE");
    assertThat(province.locator("#completeness-rates").innerText()).contains("Đã nhận");
    Browser.screenshot(province, "32-daily-province-completeness");
  }

  @Test
  void withoutJavaScriptAGroupOfficerReadsTheFrozenFiguresAndConfirmsOnADesktop() {
    Page desktop = browser.newDesktop(false);
    desktop.navigate("http://localhost:" + port + "/officials");
    desktop.fill("#username", "totruong.to01");
    desktop.fill("#password", "giaothuy-2025");
    desktop.click("#official-sign-in");
    desktop.waitForSelector("main h1");
    LocalDate twoDaysAgo = LocalDate.now(Consultation.ZONE).minusDays(2);
    desktop.navigate("http://localhost:" + port + "/officials/units/2026-07/14167-01/daily?consultation=hien-phap-2025&day=" + twoDaysAgo);
    desktop.waitForSelector("#people");
    assertThat(desktop.locator("#figures tr").count()).as("every figure in a plain table").isGreaterThan(10);
    desktop.fill("#meetings", "1");
    desktop.click("#confirm-report");
    desktop.waitForSelector("#done");
    assertThat(desktop.locator("#done").innerText()).contains("Đã xác nhận báo cáo");
    Browser.screenshot(desktop, "33-daily-group-no-javascript");
  }
}
