package vn.ykien.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.IntegrationTest;

/**
 * The whole path in a real browser: read the draft, sign in through the e-ID provider, give an
 * opinion, confirm, get a receipt, and see the commune's count rise on the officials' page.
 */
@IntegrationTest
class CitizenJourneyTests {

  static Browser browser;

  @LocalServerPort int port;
  @Autowired vn.ykien.Fixtures fixtures;
  @Autowired JdbcClient jdbc;

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

  Page officialAtTheCommune() {
    Page page = browser.newDesktop(true);
    page.navigate(url("/officials"));
    page.fill("#username", "canbo.giaothuy");
    page.fill("#password", "giaothuy-2025");
    page.click("#official-sign-in");
    page.waitForSelector("#participation");
    page.navigate(url("/officials/units/2026-07/14167?consultation=hien-phap-2025"));
    return page;
  }

  static long participantsInGroup(Page official, String groupCode) {
    return Long.parseLong(
        official.locator("tr[data-unit='" + groupCode + "'] td.participants").innerText().strip());
  }

  /** A phone signed in as the persona, at the opinion form (or where its eligibility leads). */
  Page atTheOpinionFormAs(String persona) {
    Page citizen = browser.newPhone();
    citizen.navigate(url("/consultations/hien-phap-2025/opinion"));
    signInAs(citizen, persona);
    return citizen;
  }

  /** Signs in on the development provider's page by personal id (not one of the personas). */
  static void signInById(Page page, String citizenId) {
    page.click("#sign-in-eid");
    page.waitForURL("**/dev-eid/sign-in");
    page.fill("#citizenId", citizenId);
    page.click("form:has(#citizenId) button[type=submit]");
  }

  void signInAs(Page page, String persona) {
    page.click("#sign-in-eid");
    page.waitForURL("**/dev-eid/sign-in");
    page.click("#persona-" + persona);
  }

  /** Waits until every reader of the opinion log has applied what was sent, so the counts are settled. */
  void eventsHandled() {
    fixtures.readersCaughtUp();
  }

  @Test
  void aResidentReadsTheDraftGivesAnOpinionAndTheCommuneSeesTheCountRise() throws Exception {
    eventsHandled();
    Page official = officialAtTheCommune();
    long before = participantsInGroup(official, "14167-01");
    Browser.screenshot(official, "01-official-before");

    Page citizen = browser.newPhone();
    citizen.navigate(url("/"));
    // Other tests add consultations of their own: choose the constitutional one.
    citizen
        .locator("a.button[href='/consultations/hien-phap-2025']")
        .getByText("Đọc dự thảo và góp ý")
        .click();
    citizen.waitForURL("**/consultations/hien-phap-2025");
    citizen.waitForSelector("#dieu-2-du-thao");
    assertThat(citizen.locator("article.draft-item").count()).isEqualTo(9);
    assertThat(citizen.locator("#dieu-115 .current").innerText()).contains("Đại biểu Hội đồng nhân dân có quyền chất vấn");
    assertThat(citizen.locator("#dieu-9 .proposed").innerText()).contains("Chỉ là bản trích");
    Browser.screenshot(citizen, "02-draft");

    citizen.click("#give-opinion");
    citizen.waitForURL("**/sign-in");
    signInAs(citizen, "eligible");
    citizen.waitForSelector("#opinion-form");
    Browser.screenshot(citizen, "03-opinion-form");
    assertThat(citizen.locator("fieldset[id^='item-']").count()).isEqualTo(9);
    for (int i = 0; i < 9; i++) {
      citizen.locator("fieldset[id^='item-']").nth(i).locator("input[value='APPROVE']").check();
    }
    citizen.locator("#item-dieu-115 input[value='DISAPPROVE']").check();
    citizen.locator("#item-dieu-115 textarea").fill("Đề nghị giữ quyền chất vấn Chánh án, Viện trưởng <b>cùng cấp</b>.");
    citizen.fill("#generalComment", "Đề nghị giải thích rõ hơn về chính quyền địa phương hai cấp.");
    citizen.click("#review");
    assertThat(citizen.content()).contains("Không tán thành").contains("&lt;b&gt;cùng cấp&lt;/b&gt;");
    assertThat(citizen.locator("#review-general").innerText()).contains("chính quyền địa phương hai cấp");
    Browser.screenshot(citizen, "04-review");
    citizen.click("#confirm");
    citizen.waitForSelector("#receipt-number");
    assertThat(citizen.locator("#receipt-number").innerText()).matches("YK-[0-9A-Z-]{19}");
    assertThat(citizen.locator("#receipt-revision").innerText()).isEqualTo("1");
    assertThat(citizen.content()).doesNotContain("Không tán thành");
    assertThat(citizen.locator("#receipt-qr svg").count()).isEqualTo(1);
    Browser.screenshot(citizen, "05-receipt");

    // Anyone (here, a phone that is not signed in) can check the receipt from its QR code's link.
    Page checker = browser.newPhone();
    checker.navigate(citizen.locator("#receipt-verify").getAttribute("href"));
    assertThat(checker.locator("#receipt-check-result").innerText())
        .isEqualTo("Biên nhận hợp lệ: do nền tảng cấp và vẫn còn hiệu lực.");
    assertThat(checker.content()).doesNotContain("Nguyễn Văn An").doesNotContain("036085900001");
    Browser.screenshot(checker, "12-receipt-check");

    eventsHandled();
    official.reload();
    long after = participantsInGroup(official, "14167-01");
    assertThat(after).isEqualTo(before + 1);
    assertThat(official.content()).doesNotContain("quyền chất vấn").doesNotContain("036085900001");
    Browser.screenshot(official, "06-official-after");
  }

  @Test
  void anOfficialSeesOnlyTheirOwnCommune() {
    Page official = officialAtTheCommune();

    var response = official.navigate(url("/officials/units/2026-07/14161"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(official.locator("#error-message").innerText()).isEqualTo("Bạn không có quyền xem đơn vị này.");
  }

  @Test
  void anOfficialImportsTheirPopulationListAndSeesTheReport() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("dc01-", ".csv");
    java.nio.file.Files.writeString(
        file,
        "citizen_id,full_name,birth_date,sex,household_code,household_address,household_head,"
            + "unit_code,eid_state,eid_level,occupation,memberships\n"
            + "055090000001,Đỗ Thị Nga,1990-05-01,F,J-1,Số 3,1,14167-02,ACTIVATED,2,WORKER,\n"
            + "055090000002,Đỗ Văn Ba,1988-01-09,M,J-1,Số 3,0,14161,ACTIVATED,2,,\n");
    Page official = officialAtTheCommune();
    official.click("#import-registry");
    official.setInputFiles("#file", file);
    official.click("#start-import");

    official.waitForSelector("#import-report");
    assertThat(official.locator("#import-summary").innerText()).startsWith("Chưa nhập gì: 2 dòng");
    assertThat(official.locator("#import-errors").innerText())
        .contains("Đơn vị này nằm ngoài địa bàn bạn phụ trách")
        .contains("Cùng mã hộ nhưng khác địa chỉ hoặc khác đơn vị");
    Browser.screenshot(official, "09-registry-import-report");
  }

  @Test
  void someoneFromAnotherCommuneMayTakePart() {
    Page citizen = atTheOpinionFormAs("otherCommune");

    citizen.waitForSelector("#opinion-form");
    assertThat(citizen.locator("fieldset[id^='item-']").count()).isEqualTo(9);
  }

  @Test
  void switchingLanguageDuringAnOpinionLeadsBackToTheForm() {
    Page citizen = atTheOpinionFormAs("otherCommune");
    citizen.waitForSelector("#opinion-form");

    citizen.click("#review");
    assertThat(citizen.locator("#form-error").innerText())
        .isEqualTo("Bạn cần chọn Tán thành, Không tán thành hoặc Đồng ý một phần cho tất cả các nội dung.");
    citizen.click("#language-switch");

    citizen.waitForSelector("#opinion-form");
    assertThat(citizen.locator("h1").innerText()).isEqualTo("Your opinion");
    assertThat(citizen.locator("#item-dieu-9 label.choice").first().innerText()).isEqualTo("Approve");
  }

  @Test
  void theWholeDraftCanBeApprovedInOneStepAndIsStillReviewedBeforeSending() {
    Page citizen = atTheOpinionFormAs("otherCommune");
    citizen.waitForSelector("#opinion-form");

    citizen.click("#approve-all");

    citizen.waitForSelector("#confirm");
    assertThat(citizen.locator("main .card strong").allInnerTexts()).hasSize(9).containsOnly("Tán thành");
  }

  @Test
  void aCitizenReadsTheirHistoryWithdrawsAndSendsAgain() {
    // A resident of their own, so that no other journey sees this opinion (or sees it withdrawn).
    var resident = fixtures.aResident().inGroup(3).register();
    Page citizen = browser.newPhone();
    citizen.navigate(url("/consultations/hien-phap-2025/opinion"));
    signInById(citizen, resident.value());
    citizen.waitForSelector("#opinion-form");
    citizen.locator("#item-dieu-9 input[value='DISAPPROVE']").check();
    citizen.locator("#item-dieu-9 textarea").fill("<script>alert('x')</script> giữ nguyên");
    citizen.click("#approve-all");
    citizen.click("#confirm");
    citizen.waitForSelector("#receipt-number");
    String receipt = citizen.locator("#receipt-number").innerText();

    citizen.click("#receipt-history");
    citizen.waitForSelector("#history-standing");
    assertThat(citizen.locator("#history-standing").innerText()).isEqualTo("Ý kiến gửi sau cùng của bạn đang được tính.");
    assertThat(citizen.content()).contains("&lt;script&gt;alert('x')&lt;/script&gt; giữ nguyên");
    assertThat(citizen.locator("#history-receipts").innerText()).contains(receipt);
    Browser.screenshot(citizen, "13-history");

    citizen.click("#history-withdraw");
    citizen.waitForSelector("#confirm-withdraw");
    citizen.click("#confirm-withdraw");
    citizen.waitForSelector("#history-notice");
    assertThat(citizen.locator("#history-notice").innerText()).isEqualTo("Đã rút ý kiến của bạn. Các biên nhận đã bị thu hồi.");
    assertThat(citizen.locator("#history-standing").innerText()).startsWith("Bạn đã rút ý kiến");
    assertThat(citizen.locator("#history-receipts tbody tr").last().innerText()).contains("Đã thu hồi");
    assertThat(citizen.locator("#history-withdraw").count()).isZero();
    Browser.screenshot(citizen, "14-withdrawn");

    citizen.click("#history-revise");
    citizen.waitForSelector("#opinion-form");
    citizen.click("#approve-all");
    citizen.click("#confirm");
    citizen.waitForSelector("#receipt-number");
    assertThat(citizen.locator("#receipt-number").innerText()).isNotEqualTo(receipt);
  }

  @Test
  void aThirteenYearOldIsToldWhyTheyCannotTakePartYet() {
    Page citizen = atTheOpinionFormAs("tooYoung");

    citizen.waitForSelector("#not-eligible");
    assertThat(citizen.locator("#not-eligible").innerText())
        .isEqualTo("Công dân từ đủ 14 tuổi trở lên (tính đến ngày mở lấy ý kiến) mới được cho ý kiến.");
    Browser.screenshot(citizen, "07-too-young");
  }

  @Test
  void aLevel1AccountIsAskedToUpgrade() {
    Page citizen = atTheOpinionFormAs("levelOne");

    citizen.waitForSelector("#not-eligible");
    assertThat(citizen.locator("#not-eligible").innerText()).contains("mức 2");
  }

  @Test
  void theProviderRefusesAnAccountThatIsNotActivated() {
    Page citizen = browser.newPhone();
    citizen.navigate(url("/consultations/hien-phap-2025/opinion"));
    signInAs(citizen, "notActivated");

    citizen.waitForSelector("#refusal");
    assertThat(citizen.locator("#refusal").innerText()).contains("chưa kích hoạt");
  }

  @Test
  void theDraftReadsWithoutJavaScriptAndInEnglish() {
    Page reader = browser.newDesktop(false);
    reader.navigate(url("/consultations/hien-phap-2025?lang=en"));

    assertThat(reader.locator("h1").innerText())
        .isEqualTo("Draft Resolution amending and supplementing a number of articles of the 2013 Constitution");
    assertThat(reader.locator("article.draft-item").count()).isEqualTo(9);
    assertThat(reader.locator("#dieu-110 .current h3").innerText()).isEqualTo("Wording of the 2013 Constitution");
    Browser.screenshot(reader, "08-draft-english-no-js");
  }

  @Test
  void aWrongSupportCodeIsSaidAndTheOpinionStaysTheCitizensOwn() {
    var resident = fixtures.aResident().inGroup(4).register();
    Page citizen = browser.newPhone();
    citizen.navigate(url("/consultations/hien-phap-2025/opinion?assist=HT-0000-0000"));
    signInById(citizen, resident.value());

    citizen.waitForSelector("#opinion-form");
    assertThat(citizen.locator("#form-error").innerText()).startsWith("Mã hỗ trợ không đúng hoặc đã hết hạn");
    assertThat(citizen.locator("#assisted-notice").count()).isZero();
    assertThat(citizen.locator("input[name=assist]").count()).isZero();
  }
}
