package vn.ykien.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.shared.CitizenId;

/**
 * Generated opinions, most of them broken in one way or several (wrong types, missing and unknown
 * fields, numbers out of range, text with NUL, lone surrogates or invalid UTF-8, deep nesting,
 * truncation, duplicates): the API never answers 5xx, answers a refusal with bilingual problem
 * details, and stores nothing when it refuses (issue 12, point 11). Seeded: a failure names its
 * seed and case, and replays.
 */
@IntegrationTest
class OpinionApiFuzzTests {

  static final long SEED = 20251129L;
  static final int CASES = 400;

  @LocalServerPort int port;
  @Autowired JWKSource<SecurityContext> providerKeys;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void noGeneratedOpinionGetsA5xxAndNoRefusedOneIsStored() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    List<DraftItem> items = fixtures.items(consultation);
    var random = new SplittableRandom(SEED);
    List<String> failures = new ArrayList<>();
    var statuses = new java.util.TreeMap<Integer, Integer>();
    var codes = new java.util.TreeSet<String>();
    for (int n = 0; n < CASES && failures.size() < 5; n++) {
      // A fresh citizen per case: what each request stored is theirs alone.
      CitizenId citizen = fixtures.aResident().register();
      String token = vn.ykien.EidTokens.issue(providerKeys, citizen, 2, "ykien-api", Instant.now());
      byte[] body = body(random, items);
      var response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:%d/api/v1/consultations/%d/opinions".formatted(port, consultation.id())))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      statuses.merge(status, 1, Integer::sum);
      var code = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
      if (code.find()) {
        codes.add(code.group(1));
      }
      long stored = stored(consultation, citizen);
      String shown = new String(body, StandardCharsets.UTF_8);
      shown = shown.length() > 300 ? shown.substring(0, 300) + "…" : shown;
      if (status >= 500) {
        failures.add("case %d: %d for %s".formatted(n, status, shown));
      } else if (status >= 400) {
        if (stored != 0) {
          failures.add("case %d: refused with %d but stored %d rows: %s".formatted(n, status, stored, shown));
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
            || !response.body().contains("\"vi\"") || !response.body().contains("\"en\"")) {
          failures.add("case %d: refusal %d without bilingual problem details: %s".formatted(n, status, response.body()));
        }
      } else if (stored == 0) {
        failures.add("case %d: accepted with %d but nothing stored: %s".formatted(n, status, shown));
      }
    }
    assertThat(failures).as("seed " + SEED).isEmpty();
    // The generator reaches both sides: opinions stored, and refusals of several kinds.
    assertThat(statuses.getOrDefault(201, 0)).as(statuses.toString()).isGreaterThan(CASES / 10);
    assertThat(codes).as("refusals seen").hasSizeGreaterThanOrEqualTo(4);
  }

  /** Receipts, participation and log rows the citizen's requests left. */
  long stored(Consultation consultation, CitizenId citizen) {
    return jdbc.sql(
            """
            select (select count(*) from opinion.receipt where consultation_id = :c and citizen_id = :p)
                 + (select count(*) from opinion.participation where consultation_id = :c and citizen_id = :p)
            """)
        .param("c", consultation.id())
        .param("p", citizen.value())
        .query(Long.class)
        .single();
  }

  /** A request body: a valid opinion, then zero or more mutations. */
  static byte[] body(SplittableRandom random, List<DraftItem> items) {
    List<String> answers = new ArrayList<>();
    for (DraftItem item : items) {
      String stance = pick(random, "\"APPROVE\"", "\"DISAPPROVE\"", "\"PARTLY\"");
      String comment = stance.equals("\"PARTLY\"") || random.nextInt(4) == 0 ? ", \"comment\": " + text(random) : "";
      answers.add("{\"itemId\": %d, \"stance\": %s%s}".formatted(item.id(), stance, comment));
    }
    int mutations = random.nextInt(4);
    String general = random.nextInt(3) == 0 ? ", \"generalComment\": " + text(random) : "";
    for (int m = 0; m < mutations && !answers.isEmpty(); m++) {
      int at = random.nextInt(answers.size());
      switch (random.nextInt(12)) {
        case 0 -> answers.remove(at);
        case 1 -> answers.add(answers.get(at));
        case 2 -> answers.set(at, answers.get(at).replaceFirst("\"itemId\": \\d+", "\"itemId\": " + pick(random,
            "0", "-1", "9223372036854775807", "92233720368547758070", "1.5", "\"1\"", "null", "true", "[]", "{}")));
        case 3 -> answers.set(at, answers.get(at).replaceFirst("\"stance\": \"[A-Z]+\"", "\"stance\": " + pick(random,
            "\"approve\"", "\"UNCLEAR\"", "\"\"", "null", "1", "[\"APPROVE\"]", "\"APPROVE\\u0000\"")));
        case 4 -> answers.set(at, answers.get(at).replace("\"stance\"", "\"stanse\""));
        case 5 -> answers.set(at, answers.get(at).replace("}", ", \"unknown\": {\"a\": [1, 2, {\"b\": null}]}}"));
        case 6 -> answers.set(at, pick(random, "null", "1", "\"x\"", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]"));
        case 7 -> answers.set(at, answers.get(at).replace("}", ", \"comment\": " + text(random) + "}"));
        case 8 -> general = ", \"generalComment\": " + pick(random, "1", "null", "[]", "{}", text(random));
        case 9 -> answers.set(at, "[".repeat(300 + random.nextInt(3000)) + "]".repeat(random.nextInt(2) * 300));
        case 10 -> general = general + ", \"approveAll\": " + pick(random, "true", "false", "\"yes\"", "null");
        default -> answers.set(at, answers.get(at).replace("\"itemId\"", "\"itemId\": 1, \"itemId\""));
      }
    }
    String json = "{\"answers\": [" + String.join(", ", answers) + "]" + general + "}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return switch (random.nextInt(10)) {
      // truncated
      case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      // a byte that is not UTF-8
      case 1 -> {
        byte[] broken = bytes.clone();
        broken[random.nextInt(broken.length)] = (byte) (0x80 + random.nextInt(0x80));
        yield broken;
      }
      // not an object at all
      case 2 -> pick(random, "", "null", "[]", "\"answers\"", "{", "}", "{\"answers\": null}", "{\"answers\": {}}")
          .getBytes(StandardCharsets.UTF_8);
      default -> bytes;
    };
  }

  /** A JSON string: ordinary Vietnamese, empty, long, or with characters that break things. */
  static String text(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> "\"\"";
      case 1 -> "\"" + "Đề nghị giữ nguyên. ".repeat(1 + random.nextInt(300)) + "\"";
      case 2 -> "\"có ký tự \\u0000 NUL\"";
      case 3 -> "\"nửa cặp \\ud800 thay thế\"";
      case 4 -> "\"\\ufffd thay cho byte hỏng\"";
      case 5 -> "\"<script>alert(1)</script> '); drop table opinion.receipt; --\"";
      case 6 -> "\"" + "ă".repeat(4_990 + random.nextInt(20)) + "\"";
      default -> "\"Tán thành việc tổ chức chính quyền địa phương hai cấp.\"";
    };
  }

  @SafeVarargs
  static <T> T pick(SplittableRandom random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
