package vn.ykien;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** Without the demo profile: no demo data, no development e-ID provider, and it still starts. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ykien.opinion.pseudonym-key=dGVzdC1vbmx5LWtleS10aGlydHktdHdvLWJ5dGVzLWxvbmc=",
      "ykien.opinion.receipt-key=MC4CAQAwBQYDK2VwBCIEIPoxHauz0l8+mIz11x1Nq4BV2ldfU0UjV0RFkpusaMdo",
      "ykien.audit.head-key=MC4CAQAwBQYDK2VwBCIEIPwZRJTlPXnjYgI1IF/iPp3Dxe0LQpZc1bcJlLcyG3Tq",
      "ykien.daily.snapshot-key=MC4CAQAwBQYDK2VwBCIEIPrz5YwoodTKnKGoPJDXFEZzXmrlAnj8u/dlxgoLYPq2",
      "ykien.identity.totp-key=dGVzdC1vbmx5LXRvdHAta2V5LTMyLWJ5dGVzLWxvbmc=",
      "ykien.classification.author-key=dGVzdC1vbmx5LWNsYXNzaWZpY2F0aW9uLWtleS0zMi1ieXRlcw==",
      "ykien.opinion.mixer-key=MC4CAQAwBQYDK2VuBCIEICh6uer/KY/yAoZKgVeYOzv6Ipp2OCd9wnRtNv2NBtJh"
    })
@ActiveProfiles("test")
class ProductionProfileTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void hasNoDevelopmentProviderAndNoDemo() throws Exception {
    assertThat(context.containsBean("devEidClients")).isFalse();
    assertThat(context.containsBean("demoLoader")).isFalse();
    assertThat(get("/.well-known/openid-configuration").statusCode()).isNotEqualTo(200);
    assertThat(get("/dev-eid/sign-in").statusCode()).isEqualTo(404);
  }

  @Test
  void servesPagesAndSaysThatSignInIsNotConfigured() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(200);
    assertThat(get("/").body()).doesNotContain("demo-banner");
    var signIn = get("/sign-in");
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(signIn.body()).contains("chưa được cấu hình").doesNotContain("sign-in-eid");
  }
}
