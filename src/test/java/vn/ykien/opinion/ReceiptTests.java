package vn.ykien.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.shared.CitizenId;

/** Receipts are signed by the platform, checkable by anyone, and say nothing of the content. */
@IntegrationTest
class ReceiptTests {

  @LocalServerPort int port;
  @Autowired OpinionSubmission submission;
  @Autowired Fixtures fixtures;

  final HttpClient http = HttpClient.newHttpClient();

  Receipt submitFor(Consultation consultation, CitizenId citizen) {
    List<Answer> answers =
        fixtures.items(consultation).stream().map(item -> new Answer(item.id(), Stance.APPROVE, null)).toList();
    var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers));
    return ((SubmissionResult.Accepted) result).receipt();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "vi").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyReceiptIssuedVerifiesEvenAfterARevision() {
    Consultation consultation = fixtures.anOpenConsultation();
    CitizenId citizen = fixtures.aResident().register();

    Receipt first = submitFor(consultation, citizen);
    Receipt second = submitFor(consultation, citizen);

    assertThat(second.number()).isNotEqualTo(first.number());
    assertThat(submission.verify(first.token()))
        .isEqualTo(new ReceiptCheck.Valid(consultation.id(), first.issuedAt()));
    assertThat(submission.verify(second.token()))
        .isEqualTo(new ReceiptCheck.Valid(consultation.id(), second.issuedAt()));
    assertThat(submission.latestReceipt(consultation.id(), citizen)).contains(second);
  }

  @Test
  void anAlteredOrForeignReceiptIsInvalid() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    Receipt receipt = submitFor(consultation, fixtures.aResident().register());
    String[] parts = receipt.token().split("\\.");

    String otherNumber = String.join(".", "YK-0000-0000-0000-0000", parts[1], parts[2], parts[3]);
    String otherTime = String.join(".", parts[0], parts[1], String.valueOf(Long.parseLong(parts[2]) + 1), parts[3]);
    String otherConsultation = String.join(".", parts[0], String.valueOf(consultation.id() + 1), parts[2], parts[3]);
    var generator = KeyPairGenerator.getInstance("Ed25519");
    var foreignKey = generator.generateKeyPair();
    var signer = Signature.getInstance("Ed25519");
    signer.initSign(foreignKey.getPrivate());
    signer.update(receipt.signedText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String foreign =
        String.join(".", parts[0], parts[1], parts[2], Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()));

    for (String token : List.of(otherNumber, otherTime, otherConsultation, foreign, "garbage", "a.b.c.d", "")) {
      assertThat(submission.verify(token)).as(token).isEqualTo(new ReceiptCheck.Invalid());
    }
  }

  @Test
  void anyoneCanCheckAReceiptWithoutSigningInAndWithThePublishedKey() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    Receipt receipt = submitFor(consultation, fixtures.aResident().register());

    var api = get("/api/v1/receipts/" + receipt.token());
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains("\"status\":\"VALID\"").contains("\"consultationId\":" + consultation.id());
    assertThat(get("/api/v1/receipts/not.a.real.receipt").body()).contains("\"status\":\"INVALID\"");

    var page = get("/receipts?token=" + receipt.token());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Biên nhận hợp lệ: do nền tảng cấp và vẫn còn hiệu lực.");
    assertThat(page.body()).doesNotContain(receipt.signedText());

    String pem = get("/api/v1/receipts/public-key").body();
    var key =
        KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new X509EncodedKeySpec(
                    Base64.getMimeDecoder()
                        .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""))));
    var verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    verifier.update(receipt.signedText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(receipt.signature()))).isTrue();
  }

  @Test
  void anOfficerChecksAListOfReceiptsAtOnce() {
    Consultation consultation = fixtures.anOpenConsultation();
    Receipt receipt = submitFor(consultation, fixtures.aResident().register());
    var officer = new vn.ykien.OfficialSession(port);
    org.assertj.core.api.Assertions.assertThat(officer.signIn("canbo.giaothuy", "giaothuy-2025", "")).isTrue();

    var page =
        officer.post(
            "/officials/units/2026-07/14167/receipts",
            java.util.Map.of("tokens", receipt.token() + "\n\n  not-a-receipt  \n"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Đã kiểm tra 2 biên nhận: 1 hợp lệ, 0 đã thu hồi, 1 không hợp lệ.");
    assertThat(page.body()).contains("data-status=\"Valid\"").contains("data-status=\"Invalid\"");
  }

  @Test
  void anOfficerUploadsAFileOfReceiptsForTheirReport() {
    Consultation consultation = fixtures.anOpenConsultation();
    Receipt first = submitFor(consultation, fixtures.aResident().register());
    Receipt second = submitFor(consultation, fixtures.aResident().register());
    var officer = new vn.ykien.OfficialSession(port);
    org.assertj.core.api.Assertions.assertThat(officer.signIn("canbo.giaothuy", "giaothuy-2025", "")).isTrue();
    // As a spreadsheet column saved as CSV: quoted, with a trailing separator on one line.
    String file = "\"" + first.token() + "\"\r\n" + second.token() + ",\r\nYK-0000-0000-0000-0000.1.1.AAAA\r\n";

    var page =
        officer.upload(
            "/officials/units/2026-07/14167/receipts", "bien-nhan.csv", file.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Đã kiểm tra 3 biên nhận: 2 hợp lệ, 0 đã thu hồi, 1 không hợp lệ.");
  }

  @Test
  void aReceiptCanBeCheckedByItsNumberAloneAsTypedFromPaper() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    Receipt receipt = submitFor(consultation, fixtures.aResident().register());
    String typed = receipt.number().toLowerCase().replace("-", " ");

    assertThat(submission.verify(typed)).isInstanceOf(ReceiptCheck.Valid.class);
    assertThat(get("/api/v1/receipts/" + receipt.number()).body()).contains("\"status\":\"VALID\"");
    assertThat(get("/receipts?token=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8)).body())
        .contains("Biên nhận hợp lệ: do nền tảng cấp và vẫn còn hiệu lực.");
    assertThat(submission.verify("YK-0000-0000-0000-0000")).isInstanceOf(ReceiptCheck.Invalid.class);
  }
}
