package vn.ykien.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.EidTokens;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.YKienApplication;
import vn.ykien.consultation.Consultation;
import vn.ykien.shared.CitizenId;

/**
 * Two instances of the platform on one PostgreSQL (the test's own, and a second application
 * started here on the same database, with its own connection pool and web server), and the same
 * citizen submitting to both at the same moment.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoServersTests {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JWKSource<SecurityContext> providerKeys;
  @Autowired Fixtures fixtures;
  @Autowired OpinionSubmission submission;
  @Autowired OwnOpinions own;
  @Autowired JdbcClient jdbc;

  ConfigurableApplicationContext second;
  int secondPort;
  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  void startASecondServerOnTheSameDatabase(@TempDir Path keys) throws Exception {
    // The second server's development e-ID provider signs with the same key, so a citizen's
    // token is good at both, as a real provider's would be.
    RSAKey key = ((ImmutableJWKSet<SecurityContext>) providerKeys).getJWKSet().getKeys().getFirst().toRSAKey();
    Path pem = keys.resolve("eid-key.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.toRSAPrivateKey().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    second =
        new SpringApplicationBuilder(YKienApplication.class)
            .profiles("test", "demo")
            // As arguments: they must win over application.yaml (default properties would not).
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=postgres",
                "--ykien.demo.allow-external-database=true",
                "--ykien.identity.dev-provider.signing-key-file=" + pem);
    secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
  }

  @AfterAll
  void stopTheSecondServer() {
    if (second != null) {
      second.close();
    }
  }

  HttpResponse<String> submit(int serverPort, Consultation consultation, String token, String stance) throws Exception {
    String answers =
        fixtures.items(consultation).stream()
            .map(item -> "{\"itemId\": %d, \"stance\": \"%s\"}".formatted(item.id(), stance))
            .collect(Collectors.joining(",", "[", "]"));
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:%d/api/v1/consultations/%d/opinions".formatted(serverPort, consultation.id())))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString("{\"answers\": " + answers + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSameCitizenSubmittingToBothAtOnceKeepsOneAnswerPerItemAndTheLaterRevisionWins() throws Exception {
    assertThat(secondPort).isNotEqualTo(port);
    Consultation consultation = fixtures.anOpenConsultation();
    int items = fixtures.items(consultation).size();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int round = 0; round < 10; round++) {
        CitizenId citizen = fixtures.aResident().register();
        String token = EidTokens.forApi(providerKeys, citizen);
        var start = new CountDownLatch(1);
        Future<HttpResponse<String>> toFirst =
            pool.submit(() -> { start.await(); return submit(port, consultation, token, "APPROVE"); });
        Future<HttpResponse<String>> toSecond =
            pool.submit(() -> { start.await(); return submit(secondPort, consultation, token, "DISAPPROVE"); });
        start.countDown();
        JsonNode first = json.readTree(toFirst.get().body());
        JsonNode other = json.readTree(toSecond.get().body());

        assertThat(List.of(toFirst.get().statusCode(), toSecond.get().statusCode()))
            .as("%s / %s", toFirst.get().body(), toSecond.get().body())
            .containsOnly(201);
        assertThat(List.of(first.get("revision").asInt(), other.get("revision").asInt())).containsExactlyInAnyOrder(1, 2);
        Stance later = first.get("revision").asInt() == 2 ? Stance.APPROVE : Stance.DISAPPROVE;
        var current = submission.currentAnswers(consultation.id(), citizen);
        assertThat(current).hasSize(items).extracting(Answer::stance).containsOnly(later);
        for (JsonNode receipt : List.of(first, other)) {
          assertThat(submission.verify(receipt.get("token").asString())).isInstanceOf(ReceiptCheck.Valid.class);
        }
        // The latest revision shows at once (the citizen's own copy); the history holds every
        // revision once the mixer has written them.
        fixtures.readersCaughtUp();
        assertThat(own.history(consultation.id(), citizen).entries()).hasSize(2);
      }
    }
    assertThat(
            jdbc.sql("select count(*) from opinion.participation where consultation_id = ?")
                .param(consultation.id())
                .query(Long.class)
                .single())
        .isEqualTo(10);
    // Content is written by the mixer (of either server), apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    assertThat(
            jdbc.sql(
                    "select count(*) from (select pseudonym from opinion.current_answer where consultation_id = ?"
                        + " group by pseudonym having count(*) <> ?) partial")
                .params(consultation.id(), items)
                .query(Long.class)
                .single())
        .isZero();
  }
}
