package vn.ykien.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.daily.DailySnapshots;
import vn.ykien.daily.Level;
import vn.ykien.shared.CitizenId;

/**
 * Privacy by construction: a citizen of Giao Thuỷ gives an opinion with a comment nobody else
 * could write; then every GET route for officials (found from the application's own mappings, so
 * a new one is covered the day it is added) is called by the national administrator, who sees
 * the most, on every unit level, and every public results route and file and the units'
 * outlines. No answer may contain the comment.
 */
@IntegrationTest
class NoOfficialRouteShowsAnOpinionTests {

  @LocalServerPort int port;
  @Autowired OpinionSubmission submission;
  @Autowired Consultations consultations;
  @Autowired Fixtures fixtures;
  @Autowired DailySnapshots snapshots;
  @Autowired vn.ykien.units.Units units;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired vn.ykien.results.internal.Releases releases;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void noOfficialRouteReturnsWhatAKnownCitizenSaid() throws InterruptedException {
    Consultation consultation = consultations.findBySlug("hien-phap-2025").orElseThrow();
    CitizenId citizen = fixtures.aResident().inGroup(3).register();
    String marker = "Y-KIEN-RIENG-" + System.nanoTime();
    List<Answer> answers = new ArrayList<>();
    consultations.items(consultation.id())
        .forEach(item -> answers.add(new Answer(item.id(), Stance.DISAPPROVE, marker + " về " + item.code())));
    assertThat(
            submission.submit(
                new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers, marker + " (chung)", null)))
        .isInstanceOf(SubmissionResult.Accepted.class);

    // Classification reads comments in the background: let it store this one before looking.
    fixtures.readersCaughtUp();
    assertThat(jdbc.sql("select count(*) from classification.comment where text like ?")
        .param(marker + "%").query(Long.class).single()).isEqualTo(answers.size() + 1L);

    // The public results too, from a release that counts this opinion.
    releases.publish(consultation.id());

    // Yesterday's daily snapshot of the communes (and their villages): the code of each unit.
    java.time.LocalDate yesterday = java.time.LocalDate.now(Consultation.ZONE).minusDays(1);
    snapshots.take(consultation, Level.COMMUNE, yesterday);
    var taken = snapshots.find(consultation.id(), Level.COMMUNE, yesterday).orElseThrow();
    Map<String, String> snapshotCodes = new java.util.HashMap<>();
    for (String unit : List.of("14167", "14167-03")) {
      snapshots.unit(taken, units.findByCode("2026-07", unit).orElseThrow().id())
          .ifPresent(row -> snapshotCodes.put(unit, row.code()));
    }
    assertThat(snapshotCodes).as("codes of the commune and a village").hasSize(2);

    var admin = new OfficialSession(port);
    assertThat(admin.signIn("quantri.quocgia", "giaothuy-2025", "")).isTrue();
    Map<String, String> values =
        Map.of("edition", "2026-07", "id", "00000000-0000-0000-0000-000000000000", "slug", consultation.slug(),
            "consultationId", Long.toString(consultation.id()), "table", "groups");

    List<String> called = new ArrayList<>();
    mappings.getHandlerMethods().forEach(
        (info, method) -> {
          boolean get = info.getMethodsCondition().getMethods().isEmpty()
              || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
          for (String pattern : info.getPatternValues()) {
            boolean published = pattern.startsWith("/results") || pattern.startsWith("/api/v1/consultations/{consultationId}/results");
            // The units' outlines for the maps are public too (addressed by unit, like officials' pages).
            boolean outlines = pattern.startsWith("/units/");
            // A printed daily report's check page, by the code printed beside each unit's figures.
            boolean check = pattern.startsWith("/check/snapshots");
            if (!get || !(pattern.startsWith("/officials") || published || outlines || check)) {
              continue;
            }
            for (String unit : List.of("VN", "37", "14167", "14167-03")) {
              String path =
                  published ? pattern + "?unit=" + unit
                      : check ? pattern.replace("{code}", snapshotCodes.getOrDefault(unit, unit)) + "?code=" + snapshotCodes.getOrDefault(unit, unit)
                      : pattern.replace("{code}", unit);
              for (var value : values.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
              }
              path += (path.contains("?") ? "&" : "?") + "consultation=" + consultation.slug() + "&verify=true"
                  // the results page also shows the themes of one article
                  + "&item=dieu-110";
              var response = admin.get(path);
              called.add(path + " " + response.statusCode());
              assertThat(response.body()).as(path).doesNotContain(marker).doesNotContain(citizen.value());
            }
          }
        });

    // The participation, import, accounts and audit pages, at least, on four unit levels.
    assertThat(called).filteredOn(line -> line.endsWith(" 200")).hasSizeGreaterThanOrEqualTo(4 * 4);

    // The forms that name a person: a paper form for the known citizen (refused: they answered
    // themselves), a receipt list; the answers shown are only what the officer typed, never theirs.
    var items = consultations.items(consultation.id());
    Map<String, String> paper = new java.util.HashMap<>();
    paper.put("consultation", consultation.slug());
    paper.put("citizenId", citizen.value());
    paper.put("reference", "PRIV-1");
    paper.put("place", "UBND xã");
    items.forEach(item -> paper.put("stance-" + item.id(), "APPROVE"));
    var typed = admin.post("/officials/units/2026-07/14167/paper", paper);
    assertThat(typed.statusCode()).isEqualTo(200);
    assertThat(typed.body()).contains("phiếu giấy không thay thế ý kiến đó").doesNotContain(marker);
    var receipts = admin.post("/officials/units/2026-07/14167/receipts", Map.of("tokens", citizen.value()));
    assertThat(receipts.body()).doesNotContain(marker);
  }
}
