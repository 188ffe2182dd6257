package vn.ykien.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ykien.IntegrationTest;

/** The demo lets anyone sign in as anyone: every page says so, and it listens on this machine only. */
@IntegrationTest
class DemoIsUnmistakableTests {

  @LocalServerPort int port;

  @Value("${server.address:}")
  String address;

  String page(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void everyPageCarriesTheDemoBanner() throws Exception {
    for (String path : new String[] {"/", "/officials/sign-in", "/sign-in", "/no-such-page"}) {
      assertThat(page(path)).as(path).contains("id=\"demo-banner\"").contains("BẢN TRÌNH DIỄN");
    }
  }

  @Test
  void theDemoListensOnThisMachineOnlyUnlessOpenedOnPurpose() {
    assertThat(address).isEqualTo("127.0.0.1");
  }
}
