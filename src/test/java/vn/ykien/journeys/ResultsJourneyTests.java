package vn.ykien.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultations;
import vn.ykien.results.internal.Releases;

/** A visitor reads the public results on a phone and on a desktop without JavaScript, and takes the open data. */
@IntegrationTest
class ResultsJourneyTests {

  static Browser browser;

  @LocalServerPort int port;
  @Autowired Releases releases;
  @Autowired vn.ykien.Fixtures fixtures;
  @Autowired Consultations consultations;

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

  void released() {
    fixtures.readersCaughtUp();
    releases.publish(consultations.findBySlug("hien-phap-2025").orElseThrow().id());
  }

  @Test
  void aVisitorOpensThePublicResultsOnAPhoneSeesTheMapAndDownloadsTheFigures() throws Exception {
    released();
    Page phone = browser.newPhone();
    phone.navigate(url("/results/hien-phap-2025"));
    phone.waitForSelector("#items");

    assertThat(phone.locator("#unit-name").innerText()).isEqualTo("Việt Nam");
    assertThat(phone.locator("#ranking tbody tr").count()).isEqualTo(34);
    // The demo's participants all live in Ninh Bình: first by rate.
    assertThat(phone.locator("#ranking tbody tr").first().getAttribute("data-code")).isEqualTo("37");
    assertThat(phone.locator("#items tbody tr").count()).isGreaterThan(0);
    // With the provinces' outlines in the shared data, the map is drawn (SVG); tiles otherwise.
    if (phone.locator("#map").count() > 0) {
      phone.waitForSelector("#map svg path");
      assertThat(phone.locator("#tiles").isHidden()).as("the map replaces the tiles").isTrue();
      // The same map coloured by the first item's released approval share in each province.
      phone.click("#map-modes button[data-mode='approve']");
      assertThat(phone.locator("#map").getAttribute("data-mode")).isEqualTo("approve");
      assertThat(phone.locator("#map-modes button[data-mode='approve']").getAttribute("aria-pressed")).isEqualTo("true");
      phone.waitForSelector("#map svg path");
    } else {
      assertThat(phone.locator(".tiles li").count()).isEqualTo(34);
    }
    Browser.screenshot(phone, "20-public-results-phone");

    Download download = phone.waitForDownload(() -> phone.locator("#files a").first().click());
    byte[] file = Files.readAllBytes(download.path());
    assertThat(new String(file, 0, 3, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
    assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8)).contains("unit_code").contains("Tỉnh Ninh Bình");
  }

  @Test
  void withoutJavaScriptEveryFigureIsInATableAndTheVisitorDrillsDownToTheCommune() {
    released();
    Page desktop = browser.newDesktop(false);
    desktop.navigate(url("/results/hien-phap-2025?lang=en"));
    desktop.waitForSelector("#ranking");
    desktop.locator("#ranking tr[data-code='37'] a").click();
    desktop.waitForSelector("#up");
    assertThat(desktop.locator("#unit-name").innerText()).isEqualTo("Ninh Binh Province");
    desktop.locator("#ranking tr[data-code='14167'] a").click();
    desktop.waitForSelector("#groups-total-only");
    assertThat(desktop.locator("#unit-name").innerText()).contains("Giao Thuy");
    assertThat(desktop.locator("#by-age").count()).as("a commune publishes its total only").isZero();
    assertThat(desktop.locator("#groups-total-only").innerText()).contains("provinces and the nation only");
    assertThat(desktop.locator("#by-unit").count()).as("a commune has no units below with results").isZero();
    assertThat(desktop.locator("#items tbody tr").first().locator("td").nth(2).innerText()).matches("\\d+\\.\\d %|—");
    assertThat(desktop.locator("#release-note").innerText()).contains("fewer than 10 people");
    Browser.screenshot(desktop, "21-public-results-commune-no-js");

    // A village: never any content figure, and a clear word why.
    desktop.navigate(url("/results/hien-phap-2025?unit=14167-01&lang=en"));
    assertThat(desktop.locator("#refusal").innerText()).contains("communes and above");
    assertThat(desktop.locator("#items").count()).isZero();
  }

  @Test
  void anOfficialDrillsFromTheNationToACommuneOnTheMapOfParticipation() {
    released();
    Page national = browser.newDesktop(true);
    national.navigate(url("/officials"));
    national.fill("#username", "quantri.quocgia");
    national.fill("#password", "giaothuy-2025");
    national.click("#official-sign-in");
    national.waitForSelector("main h1");
    national.click("a.official-link:has-text('Kết quả lấy ý kiến')");
    national.waitForSelector("main h1");
    // Other tests' consultations may be open too: look at the demo's.
    national.navigate(url("/officials/units/2026-07/VN/results/answers?consultation=hien-phap-2025"));
    national.waitForSelector("#ranking");
    assertThat(national.locator("#comments-link").count()).isEqualTo(1);
    if (national.locator("#map").count() > 0) {
      national.waitForSelector("#map svg path");
    }
    Browser.screenshot(national, "22-official-results-nation");

    national.locator("#ranking tr[data-code='37'] a").click();
    national.waitForSelector("#up");
    assertThat(national.url()).contains("/officials/units/2026-07/37/results/answers");
    assertThat(national.locator(".tiles li").count()).as("no commune outlines: a tile per commune").isGreaterThan(10);
    // A province's results by age band (its communes publish their totals only).
    national.waitForSelector("#by-age");
    national.locator("#ranking tr[data-code='14167'] a").click();
    national.waitForSelector("#groups-total-only");
    assertThat(national.url()).contains("/officials/units/2026-07/14167/results/answers");
    Browser.screenshot(national, "23-official-results-commune");

    // The drafting committee's summary of the commune: one section per item, no one's own words.
    national.click("#summary-link");
    national.waitForSelector("#summary-note");
    assertThat(national.locator("section.item-summary").count())
        .isEqualTo(consultations.items(consultations.findBySlug("hien-phap-2025").orElseThrow().id()).size());
    Browser.screenshot(national, "24-committee-summary");
  }
}
