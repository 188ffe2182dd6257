package vn.ykien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * A stranger cannot make the server read (and spool to disk) a large body: every route has a
 * bound, checked before anything reads the body (issue 12, point 6).
 */
@IntegrationTest
class RequestSizeLimitsTests {

  @LocalServerPort int port;
  @Autowired RequestSizeLimits.Properties properties;

  /**
   * Sends the head of a request and only the first bytes of its body, then reads what the server
   * answers within a few seconds (a server that waits for the rest of the body answers nothing).
   */
  String sendHeadOnly(String head, int bodyBytesSent) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[bodyBytesSent]);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          answer.write(buffer, 0, n);
          if (answer.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")) {
            break;
          }
        }
      } catch (SocketTimeoutException waitingForTheBody) {
        // nothing answered: the server is still reading
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void anAnonymous300MegabyteUploadToTheReceiptCheckIsRefusedBeforeItIsRead() throws IOException {
    String answer =
        sendHeadOnly(
            "POST /officials/units/2026-07/VN/receipts HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 300000000\r\n\r\n",
            64 * 1024);

    assertThat(answer).startsWith("HTTP/1.1 413");
  }

  @Test
  void anAnonymousFourGigabyteUploadToTheRegistryImportIsRefusedBeforeItIsRead() throws IOException {
    // The one route allowed 4 GB: without a signed-in official, nothing reads the body (the form
    // token check would otherwise parse all of it before authorisation refused it).
    String answer =
        sendHeadOnly(
            "POST /officials/units/2026-07/14167/registry/import HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 4000000000\r\n\r\n",
            64 * 1024);

    assertThat(answer).startsWith("HTTP/1.1 403");
  }

  @Test
  void aBodyOfUnknownLengthIsRefusedWhereOnlyTheMultipartParserCouldCountIt() throws IOException {
    String answer =
        sendHeadOnly(
            "POST /officials/units/2026-07/VN/receipts HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "10000\r\n",
            0x10000);

    assertThat(answer).startsWith("HTTP/1.1 411");
  }

  @Test
  void anOversizedOpinionIsRefusedWithProblemDetailsInBothLanguages() throws IOException {
    String answer =
        sendHeadOnly(
            "POST /api/v1/consultations/1/opinions HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nAccept-Language: en\r\nContent-Length: 2000000\r\n\r\n",
            1024);

    assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
  }

  @Test
  void onlyTheRegistryImportMayUploadAPopulationList() {
    var limits = new RequestSizeLimits(properties, null, null);

    assertThat(limits.limitFor("/officials/units/2026-07/01/registry/import")).isEqualTo(DataSize.ofGigabytes(4).toBytes());
    assertThat(limits.limitFor("/officials/units/2026-07/01/receipts")).isEqualTo(DataSize.ofMegabytes(4).toBytes());
    assertThat(limits.limitFor("/api/v1/consultations/1/opinions")).isEqualTo(DataSize.ofMegabytes(1).toBytes());
    assertThat(limits.limitFor("/officials/sign-in")).isEqualTo(DataSize.ofMegabytes(1).toBytes());
  }
}
