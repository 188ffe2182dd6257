package vn.ykien.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
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

  @org.springframework.beans.factory.annotation.Autowired vn.ykien.Fixtures fixtures;
  @org.springframework.beans.factory.annotation.Autowired vn.ykien.results.internal.Releases releases;
  @org.springframework.beans.factory.annotation.Autowired vn.ykien.consultation.Consultations consultations;

  @Test
  void aGroupOfficerHelpsACitizenAtTheCulturalHouseAndEntersAPaperForm() {
    Page officer = signedIn("totruong.to01");
    officer.click("a.official-link:has-text('Điểm hỗ trợ')");
    officer.fill("#place", "Nhà văn hoá tổ dân phố số 1");
    officer.click("#open-support-point");
    officer.waitForSelector(".support-code.issued");
    String code = officer.locator(".support-code.issued").getAttribute("data-code");
    assertThat(code).matches("HT-[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(officer.locator(".support-code.issued svg").count()).isEqualTo(1);
    String link = officer.locator(".support-code.issued a").getAttribute("href");
    Browser.screenshot(officer, "15-support-point");

    // The citizen opens the link (the QR code's), signs in with their own e-ID and chooses.
    var helped = fixtures.aResident().inGroup(1).register();
    Page citizen = browser.newPhone();
    citizen.navigate(link);
    CitizenJourneyTests.signInById(citizen, helped.value());
    citizen.waitForSelector("#assisted-notice");
    assertThat(citizen.locator("#assisted-notice").innerText()).contains("Nhà văn hoá tổ dân phố số 1");
    citizen.click("#approve-all");
    citizen.click("#confirm");
    citizen.waitForSelector("#receipt-number");
    Browser.screenshot(citizen, "16-assisted-receipt");

    // A resident without an e-ID account gave a signed paper form; the officer types it, and it
    // waits for a second officer (four eyes).
    var resident = fixtures.aResident().withoutEidAccount().inGroup(1).register();
    officer.click("a.official-link:has-text('Nhập phiếu giấy')");
    officer.waitForSelector("#paper-form");
    typePaperForm(officer, resident.value());
    officer.waitForSelector("#paper-awaiting");
    assertThat(officer.locator("#paper-awaiting").innerText()).contains("T01-0007");
    assertThat(officer.locator("#paper-waiting").innerText()).contains("T01-0007").contains("totruong.to01");
    assertThat(officer.content()).doesNotContain("giữ tên cũ").doesNotContain(resident.value());
    Browser.screenshot(officer, "17-paper-first-entry");

    // An officer of the commune takes the same paper and types it again: now it counts.
    Page second = signedIn("vanthu.giaothuy");
    second.click("a.official-link:has-text('Nhập phiếu giấy')");
    second.waitForSelector("#paper-waiting");
    typePaperForm(second, resident.value());
    second.waitForSelector("#paper-entered");
    assertThat(second.locator("#paper-entered").innerText()).contains("totruong.to01");
    assertThat(second.locator("#receipt-number").innerText()).matches("YK-[0-9A-Z-]{19}");
    assertThat(second.content()).doesNotContain("giữ tên cũ");
    Browser.screenshot(second, "18-paper-confirmed");

    // The same form again (same number) is refused, and says why.
    officer.navigate(url("/officials/units/2026-07/14167-01/paper"));
    typePaperForm(officer, resident.value());
    assertThat(officer.locator("#paper-error").innerText()).isEqualTo("Phiếu số T01-0007 đã được nhập rồi; mỗi phiếu chỉ nhập một lần.");
  }

  private static void typePaperForm(Page officer, String citizenId) {
    officer.fill("#citizenId", citizenId);
    officer.fill("#reference", "T01-0007");
    officer.fill("#place", "Nhà văn hoá tổ dân phố số 1");
    for (int i = 0; i < officer.locator("#paper-form fieldset[id^='item-']").count(); i++) {
      officer.locator("#paper-form fieldset[id^='item-']").nth(i).locator("input[value='APPROVE']").check();
    }
    officer.locator("#item-dieu-9 input[value='PARTLY']").check();
    officer.locator("#item-dieu-9 textarea").fill("Đồng ý sáp nhập, đề nghị giữ tên cũ.");
    officer.click("#enter-paper");
  }

  @Test
  void aCommuneOfficerAddsAGroupOfficerWithTwoStepSignInAndTheAuditorSeesTheListWasViewed() {
    Page commune = signedIn("canbo.giaothuy");
    assertThat(commune.locator("a.official-link").allInnerTexts())
        .containsExactly(
            "Tình hình tham gia",
            "Kiểm tra biên nhận",
            "Điểm hỗ trợ",
            "Nhập phiếu giấy",
            "Nhập danh sách dân cư",
            "Tài khoản cán bộ");
    commune.click("a.official-link:has-text('Tài khoản cán bộ')");
    commune.waitForSelector("#accounts");
    // Not the analyst: that role reads results, which a commune officer cannot, and nobody grants
    // more rights than they have.
    assertThat(commune.locator("#role option").allInnerTexts())
        .containsExactly("Cán bộ cấp xã", "Cán bộ thôn, tổ dân phố");

    commune.fill("#username", "to05.giaothuy");
    commune.fill("#displayName", "Lương Văn Năm");
    commune.selectOption("#role", "GROUP_OFFICER");
    commune.fill("#unitCode", "14167-05");
    commune.click("#create-account");

    // The creator chooses no password and never sees a second-factor secret: they get a one-time
    // enrolment link to hand over.
    commune.waitForSelector("#account-created");
    String link = commune.locator("#enrol-link").innerText();
    assertThat(link).contains("/officials/enrol?code=");
    assertThat(commune.locator("#enrol-qr svg").count()).isEqualTo(1);
    assertThat(commune.content()).doesNotContain("otpauth://").doesNotContain("secret=");
    assertThat(commune.locator("tr[data-username='to05.giaothuy']").innerText())
        .contains("Cán bộ thôn, tổ dân phố")
        .contains("14167-05")
        .contains("chưa kích hoạt");
    Browser.screenshot(commune, "10-official-accounts");

    // The holder sets their own password and enrols their own authenticator, then signs in.
    Page holder = browser.newDesktop(true);
    holder.navigate(link);
    holder.waitForSelector("#enrol-form");
    holder.fill("#password", "mat-khau-cua-rieng-toi");
    holder.fill("#repeated", "mat-khau-cua-rieng-toi");
    String secret = holder.locator("#totp-secret").innerText();
    holder.fill("#oneTimeCode", oneTimeCode(secret, java.time.Instant.now()));
    Browser.screenshot(holder, "10b-enrolment");
    holder.click("#enrol");
    holder.waitForSelector("#enrolled");
    holder.fill("#username", "to05.giaothuy");
    holder.fill("#password", "mat-khau-cua-rieng-toi");
    // The enrolment used this 30-second step's code; the next step's is accepted (one step of drift).
    holder.fill("#code", oneTimeCode(secret, java.time.Instant.now().plusSeconds(30)));
    holder.click("#official-sign-in");
    holder.waitForSelector("a.official-link");

    // The commune officer deactivates the account: the holder's next page is refused.
    commune.navigate(url("/officials/units/2026-07/14167/accounts"));
    commune.locator("tr[data-username='to05.giaothuy'] button[data-action='deactivate']").click();
    commune.waitForSelector("#account-changed");
    assertThat(commune.locator("tr[data-username='to05.giaothuy']").innerText()).contains("đã khoá");
    var refused = holder.navigate(url("/officials/units/2026-07/14167-05"));
    assertThat(holder.url()).satisfiesAnyOf(
        after -> assertThat(after).contains("/officials/sign-in"),
        after -> assertThat(refused.status()).isEqualTo(403));

    commune.fill("#username", "to06.giaothuy");
    commune.fill("#displayName", "Lương Văn Sáu");
    commune.selectOption("#role", "COMMUNE_OFFICER");
    commune.fill("#unitCode", "14167-06");
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

  /** The code an authenticator app shows for this secret at that instant (RFC 6238). */
  static String oneTimeCode(String secret, java.time.Instant at) {
    try {
      var generator = new com.eatthepath.otp.TimeBasedOneTimePasswordGenerator(java.time.Duration.ofSeconds(30));
      var key = new javax.crypto.spec.SecretKeySpec(new org.apache.commons.codec.binary.Base32().decode(secret), generator.getAlgorithm());
      return "%06d".formatted(generator.generateOneTimePassword(key, at));
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAnalystSeesWhatCommentsSayPerArticleAndTheCampaignButNoSmallGroup() {
    Page analyst = signedIn("phantich.ninhbinh");
    analyst.click("a.official-link:has-text('Phân tích góp ý')");
    // The first open consultation may be another test's, not released yet: the page says so.
    analyst.waitForSelector("#release-note, #refusal");
    // The demo's comments are classified in the background after it loads; what they say is
    // published with the next release.
    fixtures.readersCaughtUp();
    releases.publish(consultations.findBySlug("hien-phap-2025").orElseThrow().id());
    // Other tests' consultations may be open too: look at the demo's.
    analyst.navigate(url("/officials/units/2026-07/37/results?consultation=hien-phap-2025"));
    analyst.waitForSelector("#release-note");

    assertThat(analyst.locator("#campaigns tr.concentrated q").allInnerTexts())
        .anyMatch(text -> text.contains("giữ nguyên tên huyện Giao Thủy"));
    assertThat(analyst.locator("#items tr[data-item='dieu-110'] td.people").innerText()).matches("\\d+");
    // A stance of fewer than 10 people (or one that would give such a stance away) shows "—".
    assertThat(analyst.locator("#items tr[data-item='dieu-110'] td[data-stance='SUPPORT']").innerText().strip()).matches("\\d+ %|—");
    Browser.screenshot(analyst, "17-results");

    analyst.click("#items tr[data-item='dieu-110'] a.themes-link");
    analyst.waitForSelector("#themes");
    assertThat(analyst.locator("#themes-title").innerText()).contains("Điều 110");
    assertThat(analyst.locator("#themes li.theme").count() + analyst.locator("#no-themes").count()).isPositive();

    // Keywords and corrections change the results of the whole country: a province's analyst
    // is offered neither.
    assertThat(analyst.locator("#keyword-form").count()).isZero();
    assertThat(analyst.locator("#review-link").count()).isZero();

    // The national analyst adds a keyword to the article, then reviews the labels the model is
    // least sure of.
    Page national = signedIn("phantich.quocgia");
    national.navigate(url("/officials/units/2026-07/VN/results?consultation=hien-phap-2025"));
    national.click("#items tr[data-item='dieu-110'] a.themes-link");
    national.waitForSelector("#themes");
    national.fill("#keyword", "tên huyện");
    national.click("#keyword-form button[type=submit]");
    assertThat(national.locator("#results-notice").innerText()).startsWith("Đã thêm từ khoá");
    national.click("#review-link");
    national.waitForSelector("#to-review");
    var first = national.locator("#to-review tbody tr").first();
    String comment = first.getAttribute("data-comment");
    first.locator("select[name=stance]").selectOption("SUGGEST");
    first.locator("button[type=submit]").click();
    assertThat(national.locator("#review-notice").innerText()).isEqualTo("Đã lưu nhãn đã sửa.");
    // A corrected label leaves the review list.
    assertThat(national.locator("#to-review tbody tr[data-comment='" + comment + "']").count()).isZero();
    Browser.screenshot(national, "18-review");
    national.click("text=Về trang kết quả");
    national.waitForSelector("#items");

    // A group nobody in the demo belongs to: nobody commented, no share to show; campaigns are
    // everyone's, never one group's.
    analyst.selectOption("select[name=occupation]", "ARMED_FORCES");
    analyst.click("#filter button[type=submit]");
    analyst.waitForSelector("#items");
    assertThat(analyst.locator("#items td.people").allInnerTexts()).allMatch(text -> text.equals("0"));
    assertThat(analyst.locator("#items td[data-stance]").allInnerTexts()).allMatch(text -> text.strip().equals("—"));
    assertThat(analyst.locator("#campaigns").count()).isZero();
    // Two groups at once are never crossed: everyone is shown, and the page says why.
    analyst.navigate(url("/officials/units/2026-07/37/results?consultation=hien-phap-2025&age=OVER_60&sex=F"));
    assertThat(analyst.locator("#one-group").count()).isOne();

    // From the province down to the commune, keeping the filter.
    analyst.navigate(url("/officials/units/2026-07/37/results?consultation=hien-phap-2025"));
    analyst.click("#units a:has-text('Giao Thuỷ')");
    analyst.waitForSelector("#items");
    assertThat(analyst.locator("h1").innerText()).contains("Giao Thuỷ");

    // A village shows no content statistics.
    analyst.navigate(url("/officials/units/2026-07/14167-01/results"));
    assertThat(analyst.locator("#village-refused").innerText()).contains("chỉ hiển thị từ cấp xã trở lên");
  }

  @Test
  void theNationalAdministratorSeesParticipationByRegionAndUrbanAndRural() {
    Page national = signedIn("quantri.quocgia");
    national.navigate(url("/officials/units/2026-07/VN?consultation=hien-phap-2025"));
    national.waitForSelector("#by-region");

    assertThat(national.locator("#by-region tbody tr").count()).isEqualTo(6);
    assertThat(national.locator("#by-region tr[data-area='DBSH'] td").first().innerText()).isEqualTo("Đồng bằng sông Hồng");
    // The demo's participants live in Giao Thuỷ (Ninh Bình): the Red River Delta and a rural commune.
    assertThat(Long.parseLong(national.locator("#by-region tr[data-area='DBSH'] td.participants").innerText()))
        .isEqualTo(Long.parseLong(national.locator("#total-participants").innerText()));
    assertThat(national.locator("#by-settlement tr[data-area='RURAL'] td").first().innerText()).startsWith("Nông thôn");
    assertThat(national.locator("#by-settlement tr[data-area='RURAL'] td.participants").innerText())
        .isEqualTo(national.locator("#total-participants").innerText());
    Browser.screenshot(national, "19-national-by-region");

    // Lagging provinces first, on the map of the provinces' outlines (tiles without them).
    // (Units where nobody is eligible have no rate to lag on: they come last.)
    List<Double> rates =
        national.locator("#participation tbody tr[data-rate]").all().stream().map(tr -> Double.parseDouble(tr.getAttribute("data-rate"))).toList();
    List<Boolean> nobodyEligible =
        national.locator("#participation tbody tr[data-rate]").all().stream().map(tr -> tr.getAttribute("data-eligible").equals("0")).toList();
    int firstEmpty = nobodyEligible.indexOf(true) < 0 ? rates.size() : nobodyEligible.indexOf(true);
    assertThat(rates).isNotEmpty();
    assertThat(rates.subList(0, firstEmpty)).isNotEmpty().isSorted();
    assertThat(nobodyEligible.subList(firstEmpty, rates.size())).doesNotContain(false);
    if (national.locator("#map").count() > 0) {
      national.waitForSelector("#map svg path");
      assertThat(national.locator("#tiles").isHidden()).as("the map replaces the tiles").isTrue();
    } else {
      assertThat(national.locator("#tiles li").count()).isEqualTo(rates.size());
    }
    // Per day and per citizen group, channels apart: each breakdown adds up to everyone.
    national.waitForSelector("#days-chart svg");
    List<String> soFar = national.locator("#by-day tbody tr").last().locator("td").allInnerTexts();
    long everyone = Long.parseLong(soFar.get(soFar.size() - 2));
    assertThat(everyone).isPositive();
    for (String table : List.of("#by-age", "#by-sex", "#by-occupation")) {
      assertThat(national.locator(table + " td.people").allInnerTexts().stream().mapToLong(Long::parseLong).sum())
          .as(table).isEqualTo(everyone);
    }
    assertThat(national.locator("#by-membership tr[data-value='YOUTH_UNION'] td").first().innerText()).isEqualTo("Đoàn Thanh niên");
    Browser.screenshot(national, "25-national-per-day-and-group");

    // How current the figures are: each reader of the opinion log, waiting and set-aside changes.
    national.click("#readers-link");
    national.waitForSelector("#readers");
    assertThat(national.locator("#readers tr[data-reader='reporting.participation'] td").first().innerText())
        .isEqualTo("Số liệu tham gia");
    assertThat(national.locator("#readers tr[data-reader='reporting.tallies'] td").first().innerText())
        .isEqualTo("Số liệu ý kiến (từ cấp xã)");
    assertThat(national.locator("#readers tr[data-reader='classification.comments'] td.pending").innerText()).matches("\\d+|từ .*");
  }

  @Test
  void aGroupOfficerSeesOnlyTheirGroupAndNoPersonalLists() {
    Page group = signedIn("totruong.to01");
    group.waitForSelector("#participation");

    assertThat(group.locator("a.official-link").allInnerTexts())
        .containsExactly("Tình hình tham gia", "Kiểm tra biên nhận", "Điểm hỗ trợ", "Nhập phiếu giấy");
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
