package vn.ykien.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.IntegrationTest;

@IntegrationTest
class OpenApiDocumentTests {

  @LocalServerPort int port;

  @Test
  void theAppServesTheOpenApiDocumentOfItsApiAndOnlyOfItsApi() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:%d/api/v1/openapi.json".formatted(port))).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = JsonMapper.builder().build().readTree(response.body());
    assertThat(document.get("openapi").asString()).startsWith("3.");
    JsonNode paths = document.get("paths");
    assertThat(paths.has("/api/v1/consultations/{consultationId}/opinions")).isTrue();
    assertThat(paths.get("/api/v1/consultations/{consultationId}/opinions").has("post")).isTrue();
    assertThat(paths.get("/api/v1/consultations/{consultationId}/opinions/mine").has("delete")).isTrue();
    assertThat(paths.has("/api/v1/receipts/{token}")).isTrue();
    assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/"));
    assertThat(document.get("components").get("securitySchemes").get("eid").get("scheme").asString())
        .isEqualTo("bearer");
  }
}
