package vn.ykien.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.shared.CitizenId;

@IntegrationTest
class OpinionApiTests {

  @LocalServerPort int port;
  @Autowired JWKSource<SecurityContext> providerKeys;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired vn.ykien.opinion.internal.IdempotencyCleanup cleanup;

  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  /** An access token as the e-ID provider issues it, for this citizen at this level. */
  String tokenFor(CitizenId citizen, int level) {
    return token(citizen, level, "ykien-api", Instant.now());
  }

  /** A token of the e-ID provider for another audience, or issued at another time (5 minutes). */
  String token(CitizenId citizen, int level, String audience, Instant issuedAt) {
    return vn.ykien.EidTokens.issue(providerKeys, citizen, level, audience, issuedAt);
  }

  @Test
  void refusesAnExpiredTokenAndATokenIssuedForAnotherServiceAndStoresNothing() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();

    var expired = post(consultation, token(citizen, 2, "ykien-api", Instant.now().minus(1, ChronoUnit.HOURS)), approveAll(consultation), "en");
    var elsewhere = post(consultation, token(citizen, 2, "another-service", Instant.now()), approveAll(consultation), "en");

    for (var response : List.of(expired, elsewhere)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(json.readTree(response.body()).get("messages").get("vi").asString()).isNotBlank();
    }
    assertThat(fixtures.participations(consultation)).isZero();
  }

  HttpResponse<String> post(Consultation consultation, String token, String body, String language)
      throws Exception {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:%d/api/v1/consultations/%d/opinions"
                        .formatted(port, consultation.id())))
            .header("Content-Type", "application/json")
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postWithKey(Consultation consultation, String token, String body, String key)
      throws Exception {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:%d/api/v1/consultations/%d/opinions".formatted(port, consultation.id())))
            .header("Content-Type", "application/json")
            .header("Accept-Language", "vi")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  long revisions(Consultation consultation) {
    // Content is written by the mixer, apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    return jdbc.sql("select count(distinct revision) from opinion.answer_revision where consultation_id = ?")
        .param(consultation.id())
        .query(Long.class)
        .single();
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyNeverMakesASecondRevision() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    String token = tokenFor(citizen, 2);
    String body = approveAll(consultation);

    // Five retries at once, as a flaky network would send them, then one more later.
    var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(pool.submit(() -> postWithKey(consultation, token, body, "retry-key-1")));
    }
    List<String> receipts = new java.util.ArrayList<>();
    for (var response : sent) {
      assertThat(response.get().statusCode()).isEqualTo(201);
      receipts.add(json.readTree(response.get().body()).get("receiptNumber").asString());
    }
    pool.close();
    var later = postWithKey(consultation, token, body, "retry-key-1");

    assertThat(later.statusCode()).isEqualTo(201);
    assertThat(later.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(receipts).containsOnly(json.readTree(later.body()).get("receiptNumber").asString());
    assertThat(revisions(consultation)).isEqualTo(1);
    assertThat(fixtures.participations(consultation)).isEqualTo(1);

    var revised = postWithKey(consultation, token, body, "retry-key-2");
    assertThat(revised.statusCode()).isEqualTo(201);
    assertThat(json.readTree(revised.body()).get("revision").asInt()).isEqualTo(2);
  }

  HttpResponse<String> mine(Consultation consultation, String token, String method) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:%d/api/v1/consultations/%d/opinions/mine".formatted(port, consultation.id())))
            .header("Authorization", "Bearer " + token)
            .header("Accept-Language", "en")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCitizenReadsTheirOwnHistoryAndWithdrawsThroughTheApi() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    String token = tokenFor(citizen, 2);
    var sent = post(consultation, token, "{\"approveAll\": true, \"generalComment\": \"Đồng ý\"}", "vi");
    String receiptToken = json.readTree(sent.body()).get("token").asString();

    var history = mine(consultation, token, "GET");
    assertThat(history.statusCode()).isEqualTo(200);
    JsonNode read = json.readTree(history.body());
    assertThat(read.get("standing").asBoolean()).isTrue();
    assertThat(read.get("entries")).hasSize(1);
    assertThat(read.get("entries").get(0).get("kind").asString()).isEqualTo("REVISION");
    assertThat(read.get("entries").get(0).get("answers")).hasSize(fixtures.items(consultation).size());
    assertThat(read.get("entries").get(0).get("generalComment").asString()).isEqualTo("Đồng ý");
    assertThat(read.get("receipts").get(0).get("status").asString()).isEqualTo("VALID");

    var withdrawn = mine(consultation, token, "DELETE");
    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(json.readTree(withdrawn.body()).get("revokedReceipts").asInt()).isEqualTo(1);
    assertThat(fixtures.participations(consultation)).isZero();
    var check =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:%d/api/v1/receipts/%s".formatted(port, receiptToken))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json.readTree(check.body()).get("status").asString()).isEqualTo("REVOKED");
    // The withdrawal shows at once; the history holds every revision once the mixer wrote them.
    assertThat(json.readTree(mine(consultation, token, "GET").body()).get("standing").asBoolean()).isFalse();
    fixtures.readersCaughtUp();
    JsonNode after = json.readTree(mine(consultation, token, "GET").body());
    assertThat(after.get("standing").asBoolean()).isFalse();
    assertThat(after.get("entries").get(1).get("kind").asString()).isEqualTo("WITHDRAWAL");

    var again = mine(consultation, token, "DELETE");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(json.readTree(again.body()).get("code").asString()).isEqualTo("opinion.nothingToWithdraw");
  }

  @Test
  void aLevel1TokenCannotReadAnOpinionsHistory() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    post(consultation, tokenFor(citizen, 2), "{\"approveAll\": true}", "vi");

    var response = mine(consultation, tokenFor(citizen, 1), "GET");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("APPROVE");
    assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("eligibility.levelTooLow");
  }

  @Test
  void theWholeDraftCanBeApprovedInOneRequest() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();

    var response = post(consultation, tokenFor(citizen, 2), "{\"approveAll\": true}", "vi");

    assertThat(response.statusCode()).isEqualTo(201);
    // Content is written by the mixer, apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    assertThat(
            jdbc.sql("select count(*) from opinion.current_answer where consultation_id = ? and stance = 'APPROVE'")
                .param(consultation.id())
                .query(Long.class)
                .single())
        .isEqualTo(fixtures.items(consultation).size());
  }

  @Test
  void anIdempotencyKeyIsForgottenAfterADay() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    String token = tokenFor(fixtures.aResident().register(), 2);
    postWithKey(consultation, token, approveAll(consultation), "old-key");
    jdbc.sql("update opinion.idempotent_request set created_at = now() - interval '25 hours' where key = 'old-key'")
        .update();

    assertThat(cleanup.forgetOldKeys()).isGreaterThanOrEqualTo(1);
    var later = postWithKey(consultation, token, approveAll(consultation), "old-key");

    assertThat(later.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(json.readTree(later.body()).get("revision").asInt()).isEqualTo(2);
  }

  @Test
  void twoPeopleWhoSentTheSameOpinionLeaveNothingAlikeBesideTheirCitizenIds() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    // An insider who knows what one person sent looks for everyone else who sent the same.
    String body = approveAll(consultation);
    for (CitizenId citizen : List.of(fixtures.aResident().register(), fixtures.aResident().register())) {
      assertThat(postWithKey(consultation, tokenFor(citizen, 2), body, "the-same-key").statusCode()).isEqualTo(201);
    }

    List<String> fingerprints =
        jdbc.sql("select encode(fingerprint, 'hex') from opinion.idempotent_request where consultation_id = ?")
            .param(consultation.id())
            .query(String.class)
            .list();

    assertThat(fingerprints).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void anIdempotencyKeyReusedForADifferentOpinionIsRefused() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    String token = tokenFor(fixtures.aResident().register(), 2);
    postWithKey(consultation, token, approveAll(consultation), "same-key");

    var different = postWithKey(consultation, token, approveAll(consultation).replace("APPROVE", "DISAPPROVE"), "same-key");
    var malformedKey = postWithKey(consultation, token, approveAll(consultation), "key with spaces");

    assertThat(different.statusCode()).isEqualTo(422);
    assertThat(different.body()).contains("Idempotency-Key này đã được dùng cho một ý kiến khác.");
    assertThat(malformedKey.statusCode()).isEqualTo(400);
    assertThat(revisions(consultation)).isEqualTo(1);
  }

  @Test
  void aCitizenSubmittingTooOftenIsToldToWaitWith429AndTheEarlierOpinionStays() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    String token = tokenFor(fixtures.aResident().register(), 2);
    int accepted = 0;
    HttpResponse<String> refused = null;
    for (int i = 0; i < 25 && refused == null; i++) {
      var response = post(consultation, token, approveAll(consultation), "vi");
      if (response.statusCode() == 429) {
        refused = response;
      } else {
        assertThat(response.statusCode()).isEqualTo(201);
        accepted++;
      }
    }

    assertThat(accepted).isEqualTo(20);
    assertThat(refused).isNotNull();
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("Bạn gửi quá nhiều lần trong thời gian ngắn.");
    assertThat(revisions(consultation)).isEqualTo(20);
  }

  @Test
  void refusesABodyThatIsNotValidUtf8AndStoresNothing() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    long item = fixtures.items(consultation).getFirst().id();
    byte[] start = ("{\"answers\": [{\"itemId\": " + item + ", \"stance\": \"APPROVE\", \"comment\": \"Gi")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] end = "\"}], \"approveAll\": true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + 2 + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    body[start.length] = (byte) 0xC3; // a two-byte sequence cut short
    body[start.length + 1] = (byte) 0x28;
    System.arraycopy(end, 0, body, start.length + 2, end.length);

    var response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:%d/api/v1/consultations/%d/opinions".formatted(port, consultation.id())))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokenFor(citizen, 2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("opinion.malformed");
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void aCommentWithANullCharacterOrUndecodableBytesIsRefusedInBothLanguages() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    long item = fixtures.items(consultation).getFirst().id();

    for (String comment : List.of("giữ nguyên\\u0000", "giữ nguyên \\uFFFD")) {
      var response =
          post(
              consultation,
              tokenFor(citizen, 2),
              "{\"approveAll\": true, \"answers\": [{\"itemId\": %d, \"stance\": \"DISAPPROVE\", \"comment\": \"%s\"}]}"
                  .formatted(item, comment),
              "en");

      assertThat(response.statusCode()).as(comment).isEqualTo(400);
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.get("code").asString()).isEqualTo("opinion.invalidCharacters");
      assertThat(problem.get("messages").get("vi").asString()).startsWith("Nội dung có ký tự không hợp lệ");
    }
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void anIdempotencyKeyFromBeforeAWithdrawalMakesANewOpinionNotAnError() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    String token = tokenFor(citizen, 2);
    assertThat(postWithKey(consultation, token, approveAll(consultation), "before-withdrawal").statusCode()).isEqualTo(201);
    assertThat(mine(consultation, token, "DELETE").statusCode()).isEqualTo(200);

    var again = postWithKey(consultation, token, approveAll(consultation), "before-withdrawal");

    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(json.readTree(again.body()).get("revision").asInt()).isEqualTo(3);
    assertThat(fixtures.participations(consultation)).isEqualTo(1);
  }

  @Test
  void theTitlesOf422And429AnswersExistInVietnamese() throws Exception {
    assertThat(problemTitle(429, "vi")).isEqualTo("Quá nhiều yêu cầu");
    assertThat(problemTitle(422, "vi")).isEqualTo("Không thể xử lý");
  }

  @Autowired org.springframework.context.MessageSource messages;

  String problemTitle(int status, String language) {
    return messages.getMessage("problem.status." + status, null, java.util.Locale.of(language));
  }

  @Test
  void sqlAndMarkupInACommentAreKeptAsPlainText() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    long item = fixtures.items(consultation).getFirst().id();
    String comment = "'); drop table opinion.answer_revision; -- <script>alert(1)</script> \\\\ %s $1";
    String body =
        "{\"approveAll\": true, \"answers\": [{\"itemId\": %d, \"stance\": \"DISAPPROVE\", \"comment\": %s}]}"
            .formatted(item, json.writeValueAsString(comment));

    var response = post(consultation, tokenFor(citizen, 2), body, "vi");

    assertThat(response.statusCode()).isEqualTo(201);
    // Content is written by the mixer, apart from the submission: wait for it.
    fixtures.readersCaughtUp();
    var stored =
        jdbc.sql("select comment from opinion.current_answer where consultation_id = ? and item_id = ?")
            .params(consultation.id(), item)
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo(comment);
    JsonNode mine = json.readTree(mine(consultation, tokenFor(citizen, 2), "GET").body());
    assertThat(mine.get("entries").get(0).get("answers").findValuesAsString("comment")).contains(comment);
  }

  String approveAll(Consultation consultation) {
    return fixtures.items(consultation).stream()
        .map(item -> "{\"itemId\": %d, \"stance\": \"APPROVE\"}".formatted(item.id()))
        .collect(Collectors.joining(",", "{\"answers\": [", "]}"));
  }

  @Test
  void acceptsAnOpinionWithTheCitizensTokenAndReturnsAReceipt() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();

    var response = post(consultation, tokenFor(citizen, 2), approveAll(consultation), "vi");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode receipt = json.readTree(response.body());
    assertThat(receipt.get("receiptNumber").asString()).startsWith("YK-");
    assertThat(receipt.get("revision").asInt()).isEqualTo(1);
    assertThat(response.body()).doesNotContain("APPROVE");
  }

  @Test
  void answersMalformedJsonWithAProblemInBothLanguagesAndStoresNothing() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();

    var response = post(consultation, tokenFor(citizen, 2), "{\"answers\": [ {\"itemId\": ", "en");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("code").asString()).isEqualTo("opinion.malformed");
    assertThat(problem.get("detail").asString()).isEqualTo("The request is not in the expected format.");
    assertThat(problem.get("messages").get("vi").asString()).isEqualTo("Yêu cầu không đúng định dạng.");
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void refusesALevel1TokenInVietnameseByDefault() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().withLevel1Account().register();

    var response = post(consultation, tokenFor(citizen, 1), approveAll(consultation), "vi");

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("code").asString()).isEqualTo("eligibility.levelTooLow");
    assertThat(problem.get("detail").asString()).startsWith("Cần tài khoản định danh điện tử mức 2");
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void refusesAnUnknownStance() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    long item = fixtures.items(consultation).getFirst().id();

    var response =
        post(
            consultation,
            tokenFor(citizen, 2),
            "{\"answers\": [{\"itemId\": %d, \"stance\": \"MAYBE\"}]}".formatted(item),
            "vi");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("opinion.invalidStance");
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void refusesARequestWithoutAToken() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();

    var response = post(consultation, null, approveAll(consultation), "vi");

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("code").asString()).isEqualTo("opinion.notSignedIn");
    assertThat(problem.get("detail").asString()).isEqualTo("Bạn cần đăng nhập bằng VNeID.");
    assertThat(problem.get("messages").get("en").asString()).isEqualTo("You need to sign in with VNeID.");
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void refusesAnOpinionAfterTheWindowClosesWithAConflictInEnglishWhenAsked() throws Exception {
    Consultation consultation = fixtures.aClosedConsultation();
    CitizenId citizen = fixtures.aResident().register();

    var response = post(consultation, tokenFor(citizen, 2), approveAll(consultation), "en");

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("code").asString()).isEqualTo("eligibility.closed");
    assertThat(problem.get("detail").asString())
        .isEqualTo("This consultation has closed; opinions can no longer be given or changed.");
    assertThat(problem.get("title").asString()).isEqualTo("Not possible now");
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void refusesAnUnknownItemAndAnOversizedCommentInBothLanguages() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    var items = fixtures.items(consultation);
    String unknown =
        "{\"answers\": [{\"itemId\": 999999999, \"stance\": \"APPROVE\"}]}";
    String oversized =
        "{\"answers\": [{\"itemId\": %d, \"stance\": \"APPROVE\", \"comment\": \"%s\"},"
                .formatted(items.get(0).id(), "a".repeat(5001))
            + "{\"itemId\": %d, \"stance\": \"APPROVE\"},".formatted(items.get(1).id())
            + "{\"itemId\": %d, \"stance\": \"APPROVE\"}]}".formatted(items.get(2).id());

    JsonNode unknownProblem = json.readTree(post(consultation, tokenFor(citizen, 2), unknown, "vi").body());
    var tooLong = post(consultation, tokenFor(citizen, 2), oversized, "vi");

    assertThat(unknownProblem.get("code").asString()).isEqualTo("opinion.unknownItem");
    assertThat(unknownProblem.get("messages").get("en").asString())
        .isEqualTo("An answered item is not part of this draft.");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    JsonNode tooLongProblem = json.readTree(tooLong.body());
    assertThat(tooLongProblem.get("detail").asString()).isEqualTo("Góp ý dài quá 5.000 ký tự.");
    assertThat(tooLongProblem.get("messages").get("en").asString())
        .isEqualTo("A comment is longer than 5,000 characters.");
    assertThat(fixtures.participations(consultation)).isZero();
  }

  @Test
  void refusesANullAnswerAsMalformed() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();

    var response = post(consultation, tokenFor(citizen, 2), "{\"answers\": [null]}", "vi");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("opinion.malformed");
  }

  @Test
  void refusesATokenSignedByAnotherKey() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();
    var generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    var forgedKeys =
        new com.nimbusds.jose.jwk.source.ImmutableJWKSet<SecurityContext>(
            new com.nimbusds.jose.jwk.JWKSet(
                new com.nimbusds.jose.jwk.RSAKey.Builder(
                        (java.security.interfaces.RSAPublicKey) pair.getPublic())
                    .privateKey(pair.getPrivate())
                    .keyID("forged")
                    .build()));
    Instant now = Instant.now();
    String forged =
        new NimbusJwtEncoder(forgedKeys)
            .encode(
                JwtEncoderParameters.from(
                    JwtClaimsSet.builder()
                        .subject(citizen.value())
                        .issuedAt(now)
                        .expiresAt(now.plusSeconds(300))
                        .claim("citizen_id", citizen.value())
                        .claim("acr", "urn:vneid:loa:2")
                        .audience(List.of("ykien-api"))
                        .build()))
            .getTokenValue();

    var response = post(consultation, forged, approveAll(consultation), "vi");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(fixtures.participations(consultation)).isZero();
  }
}
