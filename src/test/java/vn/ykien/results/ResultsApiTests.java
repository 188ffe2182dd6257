package vn.ykien.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.opinion.SupportPoints;
import vn.ykien.results.internal.Groups;
import vn.ykien.results.internal.LinearAttack;
import vn.ykien.results.internal.Releases;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/** The open results API and files: what anyone can read, and what an insider can learn from it. */
@IntegrationTest
class ResultsApiTests {

  static final int K = 10;

  @LocalServerPort int port;
  @Autowired OpinionSubmission submission;
  @Autowired SupportPoints supportPoints;
  @Autowired Releases releases;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  Unit commune() {
    return units.find(fixtures.residentialGroup(10).parentId()).orElseThrow();
  }

  void answers(Consultation consultation, CitizenId citizen, Stance stance, Assistance channel) {
    List<Answer> answers = new ArrayList<>();
    for (DraftItem item : fixtures.items(consultation)) {
      answers.add(new Answer(item.id(), stance, stance == Stance.PARTLY ? "Đồng ý một phần" : null));
    }
    var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, channel, answers, null, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
  }

  HttpResponse<byte[]> get(String path, String language) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", language).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode results(Consultation consultation, String unit) throws Exception {
    var response = get("/api/v1/consultations/" + consultation.id() + "/results?unit=" + unit, "vi");
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** Every stance count the answer shows, by item, table row and stance. */
  static Map<String, Long> figures(JsonNode results) {
    Map<String, Long> shown = new HashMap<>();
    for (JsonNode item : results.get("items")) {
      String code = item.get("code").asString();
      put(shown, code + "|total", item.get("total"));
      for (JsonNode group : item.get("byGroup")) {
        put(shown, code + "|" + group.get("breakdown").asString() + "=" + group.get("value").asString(), group.get("figures"));
      }
      for (JsonNode unit : item.get("byUnit")) {
        put(shown, code + "|unit=" + unit.get("unit").get("code").asString(), unit.get("figures"));
      }
    }
    return shown;
  }

  private static void put(Map<String, Long> shown, String row, JsonNode figures) {
    for (String stance : List.of("approve", "disapprove", "partly")) {
      if (!figures.get(stance).isNull()) {
        shown.put(row + "|" + stance, figures.get(stance).asLong());
      }
    }
  }

  @Test
  void anOfficialWhoHelpsOnePersonAndComparesTwoReleasesLearnsNothingOfTheirStance() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    for (Stance stance : Stance.values()) {
      for (int i = 0; i < 12; i++) {
        answers(consultation, fixtures.aResident().register(), stance, Assistance.SELF);
      }
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    JsonNode before = results(consultation, commune().code());
    JsonNode nationBefore = results(consultation, "");
    assertThat(before.get("items").get(0).get("total").get("approve").asLong()).isEqualTo(12);

    // The official of the commune helps one man over 60 at a support point; he approves.
    var issued = (SupportPoints.Issuance.Issued) supportPoints.issue("canbo.giaothuy", commune().id(), consultation, "Nhà văn hoá");
    Assistance helped = supportPoints.resolve(issued.code().code(), consultation.id()).orElseThrow();
    answers(consultation, fixtures.aResident().aged(70).male().register(), Stance.APPROVE, helped);
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    JsonNode after = results(consultation, commune().code());
    JsonNode nationAfter = results(consultation, "");

    assertThat(after.get("release").asInt()).isEqualTo(before.get("release").asInt() + 1);
    assertThat(after.get("participation").get("people").asLong())
        .as("participation is live and says someone came")
        .isEqualTo(before.get("participation").get("people").asLong() + 1);
    // Comparing the two releases figure by figure: nothing moved by fewer than k.
    for (var pair : List.of(List.of(before, after), List.of(nationBefore, nationAfter))) {
      Map<String, Long> first = figures(pair.get(0));
      Map<String, Long> second = figures(pair.get(1));
      first.forEach((figure, value) -> {
        Long now = second.get(figure);
        if (now != null) {
          long moved = Math.abs(now - value);
          assertThat(moved == 0 || moved >= K).as("%s moved from %d to %d", figure, value, now).isTrue();
        }
      });
    }
    // Solving the whole released table (every unit, group and stance, with its sums): each stance
    // of every row the man is in could be as before, or could have taken him.
    Unit nation = units.lineage(commune().id()).getFirst();
    for (DraftItem item : fixtures.items(consultation)) {
      ReleasedTables table = ReleasedTables.of(jdbc, units, consultation.id(), item.id());
      LinearAttack attack = table.attack();
      for (var seen : Map.of(commune(), figures(before), nation, figures(nationBefore)).entrySet()) {
        Unit unit = seen.getKey();
        for (int group : new int[] {
            Groups.ALL, Groups.ANSWERS.column(Breakdown.CHANNEL, "ASSISTED"), Groups.ANSWERS.column(Breakdown.AGE, "OVER_60"), Groups.ANSWERS.column(Breakdown.SEX, "M")}) {
          for (Stance stance : Stance.values()) {
            int cell = table.cell(unit.id(), group, stance);
            String row = item.code() + "|" + (group == Groups.ALL ? "total" : Groups.ANSWERS.dimension(group) + "=" + Groups.ANSWERS.value(group));
            // A row nobody was in before showed nothing: its figures were none.
            long was = seen.getValue().getOrDefault(row + "|" + stance.name().toLowerCase(java.util.Locale.ROOT), 0L);
            assertThat(table.shown(cell)).as("%s %s in %s after", row, stance, unit.code()).isEqualTo(-1);
            assertThat(attack.least(cell)).as("%s %s in %s could be as before", row, stance, unit.code()).isLessThanOrEqualTo(was + 1e-6);
            assertThat(attack.most(cell)).as("%s %s in %s could have taken him", row, stance, unit.code()).isGreaterThanOrEqualTo(was + 1 - 1e-6);
          }
        }
      }
    }
  }

  private static final java.util.regex.Pattern TABLE =
      java.util.regex.Pattern.compile("<table id=\"(items|by-[a-z-]+)\"[^>]*>(.*?)</table>", java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern ROW =
      java.util.regex.Pattern.compile("<tr[^>]*data-(?:item|code|value)=\"([^\"]*)\"[^>]*>(.*?)</tr>", java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("<td class=\"num\">([^<]*)</td>");

  /**
   * What a reader of a results page can work out: each stance's count in every row of every
   * table, as the row's people times the share shown (exact for rows of fewer than a thousand).
   */
  static Map<String, Long> stanceCounts(String page, String html) {
    Map<String, Long> counts = new HashMap<>();
    var tables = TABLE.matcher(html);
    while (tables.find()) {
      var rows = ROW.matcher(tables.group(2));
      while (rows.find()) {
        List<String> numbers = new ArrayList<>();
        var cells = NUMBER.matcher(rows.group(2));
        while (cells.find()) {
          numbers.add(cells.group(1).trim());
        }
        assertThat(numbers).as("people and three shares in %s %s", tables.group(1), rows.group(1)).hasSize(4);
        long people = Long.parseLong(numbers.getFirst().replaceAll("[^0-9]", ""));
        for (int s = 1; s < numbers.size(); s++) {
          String share = numbers.get(s);
          if (!share.equals("—")) {
            double percent = Double.parseDouble(share.replace("%", "").replace(",", ".").trim());
            counts.put(page + "|" + tables.group(1) + "|" + rows.group(1) + "|" + s, Math.round(percent * people / 100));
          }
        }
      }
    }
    return counts;
  }

  /** Every item's results page of the commune (as its official) and of its province and the nation (public). */
  Map<String, Long> resultsPages(OfficialSession official, Consultation consultation) {
    Unit commune = commune();
    Unit province = units.lineage(commune.id()).get(1);
    Map<String, Long> counts = new HashMap<>();
    for (DraftItem item : fixtures.items(consultation)) {
      for (String path : List.of(
          "/officials/units/" + commune.edition() + "/" + commune.code() + "/results/answers?consultation=" + consultation.slug() + "&item=" + item.code(),
          "/results/" + consultation.slug() + "?unit=" + province.code() + "&item=" + item.code(),
          "/results/" + consultation.slug() + "?item=" + item.code())) {
        var response = official.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        counts.putAll(stanceCounts(path, response.body()));
      }
    }
    assertThat(counts).as("the pages show stance figures").isNotEmpty();
    return counts;
  }

  @Test
  void anOfficialWhoHelpsOnePersonAndReadsTheResultsPagesBeforeAndAfterLearnsNothingOfTheirStance() {
    Consultation consultation = fixtures.anOpenConsultation();
    for (Stance stance : Stance.values()) {
      for (int i = 0; i < 12; i++) {
        answers(consultation, fixtures.aResident().register(), stance, Assistance.SELF);
      }
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    OfficialSession official = new OfficialSession(port);
    // The province's officer may both assist citizens and read results.
    assertThat(official.signIn("canbo.ninhbinh", "giaothuy-2025", "")).isTrue();
    Map<String, Long> before = resultsPages(official, consultation);

    // The same official helps one woman over 60 at a support point in the commune; she disapproves.
    var issued = (SupportPoints.Issuance.Issued) supportPoints.issue("canbo.ninhbinh", commune().id(), consultation, "Nhà văn hoá");
    Assistance helped = supportPoints.resolve(issued.code().code(), consultation.id()).orElseThrow();
    answers(consultation, fixtures.aResident().aged(68).register(), Stance.DISAPPROVE, helped);
    fixtures.readersCaughtUp();
    Map<String, Long> beforeTheRelease = resultsPages(official, consultation);
    releases.publish(consultation.id());
    Map<String, Long> after = resultsPages(official, consultation);

    assertThat(beforeTheRelease).as("content figures change only in releases").isEqualTo(before);
    assertThat(after).as("the pages still show the rows she is not in").isNotEmpty();
    before.forEach((figure, value) -> {
      Long now = after.get(figure);
      if (now != null) {
        long moved = Math.abs(now - value);
        assertThat(moved == 0 || moved >= K).as("%s moved from %d to %d", figure, value, now).isTrue();
      }
    });
  }

  @Test
  void anAnalystWhoSubtractsOneFilterFromAnotherLearnsNothingOfTheOnlyWomanOver60() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    for (int i = 0; i < 24; i++) {
      answers(consultation, fixtures.aResident().aged(30 + i).register(), Stance.APPROVE, Assistance.SELF);
    }
    for (int i = 0; i < 12; i++) {
      answers(consultation, fixtures.aResident().male().aged(25 + i).register(), Stance.DISAPPROVE, Assistance.SELF);
    }
    // The participation dashboard says one woman over 60 took part in the commune: the analyst
    // knows who she is. She disapproves.
    answers(consultation, fixtures.aResident().aged(75).register(), Stance.DISAPPROVE, Assistance.SELF);
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());

    // A commune publishes its total only; its province (where all of them live) by group.
    var communeByAge =
        get("/api/v1/consultations/" + consultation.id() + "/results?unit=" + commune().code() + "&breakdown=age", "vi");
    assertThat(json.readTree(communeByAge.body()).get("items")).allSatisfy(item -> assertThat(item.get("byGroup")).isEmpty());
    // Two filters each, as an analyst would ask for them: everyone, then one breakdown at a time.
    String unit = units.lineage(commune().id()).get(1).code();
    JsonNode everyone = results(consultation, unit);
    for (Breakdown breakdown : Breakdown.values()) {
      var response = get("/api/v1/consultations/" + consultation.id() + "/results?unit=" + unit + "&breakdown=" + breakdown.parameter(), "vi");
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode filtered = json.readTree(response.body());
      for (int i = 0; i < everyone.get("items").size(); i++) {
        JsonNode total = everyone.get("items").get(i).get("total");
        JsonNode groups = filtered.get("items").get(i).get("byGroup");
        assertThat(groups).allSatisfy(group -> assertThat(group.get("breakdown").asString()).isEqualTo(breakdown.name()));
        if (breakdown != Breakdown.AGE) {
          continue;
        }
        // Her own row shows no stance, and everyone minus every other age always lacks a term.
        JsonNode hers = null;
        for (JsonNode group : groups) {
          if (group.get("value").asString().equals("OVER_60")) {
            hers = group.get("figures");
          }
        }
        assertThat(hers.get("people").asLong()).isEqualTo(1);
        for (String stance : List.of("approve", "disapprove", "partly")) {
          assertThat(hers.get(stance).isNull()).as("%s of the over-60s, shown", stance).isTrue();
          boolean computable = !total.get(stance).isNull();
          for (JsonNode other : groups) {
            JsonNode figures = other.get("figures");
            if (figures != hers && figures.get("people").asLong() > 0 && figures.get(stance).isNull()) {
              computable = false;
            }
          }
          assertThat(computable).as("%s of the over-60s as everyone minus the other ages", stance).isFalse();
        }
      }
    }
    // And all of it together, solved as a linear programme: she could have taken any stance.
    for (DraftItem item : fixtures.items(consultation)) {
      ReleasedTables table = ReleasedTables.of(jdbc, units, consultation.id(), item.id());
      LinearAttack attack = table.attack();
      for (Stance stance : Stance.values()) {
        int hers = table.cell(commune().id(), Groups.ANSWERS.column(Breakdown.AGE, "OVER_60"), stance);
        assertThat(attack.least(hers)).as("%s over 60 could be none", stance).isLessThanOrEqualTo(1e-6);
        assertThat(attack.most(hers)).as("%s over 60 could be her", stance).isGreaterThanOrEqualTo(1 - 1e-6);
      }
    }
  }

  @Test
  void badAddressesGetAClearAnswerInBothLanguagesAndNoFigure() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    answers(consultation, fixtures.aResident().register(), Stance.APPROVE, Assistance.SELF);
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    String base = "/api/v1/consultations/" + consultation.id();
    Map<String, List<Object>> cases = new java.util.LinkedHashMap<>();
    cases.put("/api/v1/consultations/987654321/results", List.of(404, "results.unknownConsultation"));
    cases.put("/api/v1/consultations/khong-co/results", List.of(404, "results.unknownConsultation"));
    cases.put(base + "/results?unit=99999999", List.of(404, "results.unknownUnit"));
    cases.put(base + "/results?unit=14167-01", List.of(422, "results.belowCommune"));
    cases.put(base + "/results?breakdown=religion", List.of(400, "results.unknownBreakdown"));
    cases.put(base + "/results/ages.csv", List.of(404, "results.unknownTable"));
    cases.put(base + "/results/items.csv?unit=14167-01", List.of(422, "results.belowCommune"));
    for (var each : cases.entrySet()) {
      var response = get(each.getKey(), "en");
      assertThat(response.statusCode()).as(each.getKey()).isEqualTo(each.getValue().get(0));
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.get("code").asString()).isEqualTo(each.getValue().get(1));
      assertThat(problem.get("messages").get("vi").asString()).isNotBlank();
      assertThat(problem.get("detail").asString()).isEqualTo(problem.get("messages").get("en").asString());
      assertThat(problem.has("items")).isFalse();
    }
  }

  @Test
  void eachTableIsACsvFileThatSpreadsheetsReadAsUtf8() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    for (int i = 0; i < 11; i++) {
      answers(consultation, fixtures.aResident().register(), Stance.APPROVE, Assistance.SELF);
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());

    var items = get("/api/v1/consultations/" + consultation.id() + "/results/items.csv?unit=" + commune().code(), "vi");
    assertThat(items.statusCode()).isEqualTo(200);
    assertThat(items.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(items.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
    byte[] body = items.body();
    assertThat(new byte[] {body[0], body[1], body[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.getFirst()).startsWith("item_code,item_label_vi,item_label_en,people,approve,disapprove,partly");
    assertThat(lines).hasSize(1 + fixtures.items(consultation).size());
    assertThat(lines.get(1)).startsWith("dieu-9,Điều 9,Article 9,11,");

    for (String table : List.of("participation", "groups", "units")) {
      var file = get("/api/v1/consultations/" + consultation.slug() + "/results/" + table + ".csv", "vi");
      assertThat(file.statusCode()).as(table).isEqualTo(200);
      assertThat(new String(file.body(), StandardCharsets.UTF_8).lines().count()).as(table).isGreaterThan(1);
    }
  }

  @Test
  void theOpenApiDocumentDescribesTheResults() throws Exception {
    var response = get("/api/v1/openapi.json", "vi");
    JsonNode paths = json.readTree(response.body()).get("paths");
    assertThat(paths.has("/api/v1/consultations/{consultationId}/results")).isTrue();
    assertThat(paths.has("/api/v1/consultations/{consultationId}/results/{table}.csv")).isTrue();
    JsonNode get = paths.get("/api/v1/consultations/{consultationId}/results").get("get");
    assertThat(get.get("security")).as("open to anyone, no token").isNotNull().isEmpty();
  }
}
