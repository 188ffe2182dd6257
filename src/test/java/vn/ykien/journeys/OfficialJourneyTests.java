package vn.ykien.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ykien.IntegrationTest;

/**
 * Officials in a real browser: a commune officer adds a residential-group officer with two-step
 * sign-in, and the national auditor reads the access log that recorded it.
 */
@IntegrationTest
class OfficialJourneyTests {

  static Browser browser;

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired vn.ykien.identity.OfficialAccounts accounts;

  @BeforeAll
  static void startBrowser() {
    browser = new Browser();
  }

  @AfterAll
  static void stopBrowser() {
    browser.close();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  Page signedIn(String username) {
    Page page = browser.newDesktop(true);
    page.navigate(url("/officials"));
    page.fill("#username", username);
    page.fill("#password", "giaothuy-2025");
    page.click("#official-sign-in");
    page.waitForSelector("main h1");
    return page;
  }

  @Test
  void aCommuneOfficerAddsAGroupOfficerWithTwoStepSignInAndTheAuditorSeesTheListWasViewed() {
    Page commune = signedIn("canbo.giaothuy");
    assertThat(commune.locator("a.official-link").allInnerTexts())
        .containsExactly("Tình hình tham gia", "Kiểm tra biên nhận", "Nhập danh sách dân cư", "Tài khoản cán bộ");
    commune.click("a.official-link:has-text('Tài khoản cán bộ')");
    commune.waitForSelector("#accounts");
    assertThat(commune.locator("#role option").allInnerTexts())
        .containsExactly("Cán bộ cấp xã", "Cán bộ thôn, tổ dân phố", "Chuyên viên phân tích");

    commune.fill("#username", "to05.giaothuy");
    commune.fill("#displayName", "Lương Văn Năm");
    commune.selectOption("#role", "GROUP_OFFICER");
    commune.fill("#unitCode", "14167-05");
    commune.fill("#password", "mot-mat-khau-du-dai");
    commune.check("#withTotp");
    commune.click("#create-account");

    commune.waitForSelector("#account-created");
    assertThat(commune.locator("#totp-qr svg").count()).isEqualTo(1);
    assertThat(commune.locator("#totp-uri").innerText()).startsWith("otpauth://totp/YKien:to05.giaothuy?secret=");
    assertThat(commune.locator("tr[data-username='to05.giaothuy']").innerText())
        .contains("Cán bộ thôn, tổ dân phố")
        .contains("14167-05");
    Browser.screenshot(commune, "10-official-accounts");

    commune.fill("#username", "to06.giaothuy");
    commune.fill("#displayName", "Lương Văn Sáu");
    commune.selectOption("#role", "COMMUNE_OFFICER");
    commune.fill("#unitCode", "14167-06");
    commune.fill("#password", "mot-mat-khau-du-dai");
    commune.click("#create-account");
    assertThat(commune.locator("#account-error").innerText()).startsWith("Vai trò này không phù hợp với cấp của đơn vị");
    assertThat(commune.locator("#username").inputValue()).isEqualTo("to06.giaothuy");

    Page auditor = signedIn("kiemtoan.quocgia");
    auditor.waitForSelector("#audit-entries");
    auditor.click("#verify-chain");
    auditor.waitForSelector("#chain-check");
    assertThat(auditor.locator("#chain-check").innerText()).startsWith("Chuỗi kiểm tra toàn vẹn còn nguyên");
    assertThat(auditor.locator("#audit-entries tr[data-list='official-accounts'] td.official").allInnerTexts())
        .contains("canbo.giaothuy");
    Browser.screenshot(auditor, "11-audit-trail");
  }

  @Test
  void aGroupOfficerSeesOnlyTheirGroupAndNoPersonalLists() {
    Page group = signedIn("totruong.to01");
    group.waitForSelector("#participation");

    assertThat(group.locator("a.official-link").allInnerTexts()).containsExactly("Tình hình tham gia", "Kiểm tra biên nhận");
    assertThat(group.locator("#import-registry").count()).isZero();
    var response = group.navigate(url("/officials/units/2026-07/14167/registry/import"));
    assertThat(response.status()).isEqualTo(403);
    assertThat(group.locator("#error-message").innerText()).startsWith("Vai trò của bạn không có quyền này.");
  }

  @Test
  void anOfficialLinkedToTheirPersonalIdSignsInWithTheirEid() {
    // Hoàng Thị Em (a demo persona, level-2 e-ID) is also the analyst of Giao Minh commune.
    var created =
        accounts.createAtConsole(
            new vn.ykien.identity.NewOfficial(
                "phantich.giaominh", "Hoàng Thị Em", vn.ykien.identity.OfficialRole.ANALYST, "2026-07", "14161",
                null, "036182900005", false));
    assertThat(created).isInstanceOf(vn.ykien.identity.AccountCreation.Created.class);
    Page page = browser.newDesktop(true);
    page.navigate(url("/sign-in"));
    page.click("#sign-in-eid");
    page.waitForURL("**/dev-eid/sign-in");
    page.click("#persona-otherCommune");
    page.waitForLoadState();

    page.navigate(url("/officials"));

    page.waitForSelector("#participation");
    assertThat(page.locator("h1").innerText()).contains("Giao Minh");
    assertThat(page.navigate(url("/officials/units/2026-07/14167")).status()).isEqualTo(403);
  }
}
