package vn.ykien.opinion.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.EidTokens;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.shared.CitizenId;

@IntegrationTest
class SubmissionGateTests {

  @LocalServerPort int port;
  @Autowired SubmissionGate gate;
  @Autowired JWKSource<SecurityContext> providerKeys;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  @Test
  void whenTheServerIsFullASubmissionIsToldToComeBackAndNothingIsStored() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    int taken = 0;
    while (gate.enter()) { // every place taken, as in a surge
      taken++;
      if (taken > 10_000) {
        throw new AssertionError("the gate never filled");
      }
    }
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:%d/api/v1/consultations/%d/opinions".formatted(port, consultation.id())))
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer " + EidTokens.forApi(providerKeys, citizen))
                      .POST(HttpRequest.BodyPublishers.ofString("{\"approveAll\": true}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    } finally {
      for (int i = 0; i < taken; i++) {
        gate.leave();
      }
    }

    assertThat(taken).isEqualTo(16);
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(2, 5));
    var problem = JsonMapper.builder().build().readTree(response.body());
    assertThat(problem.get("code").asString()).isEqualTo("opinion.busy");
    assertThat(problem.get("messages").get("en").asString()).startsWith("Very many opinions are arriving at once.");
    assertThat(
            jdbc.sql("select count(*) from opinion.participation where consultation_id = ?")
                .param(consultation.id())
                .query(Long.class)
                .single())
        .isZero();
  }
}
