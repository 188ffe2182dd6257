package vn.ykien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Every official endpoint, for every role, on the official's own unit, a unit below it, a sibling
 * unit and the parent unit: allowed only where the role has the right and the unit is in the
 * official's subtree; refused with 403 everywhere else. Real sign-in, real HTTP.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialAuthorizationMatrixTests {

  static final String EDITION = "2026-07";
  static final String PASSWORD = "matrix-password-2025";

  /** The officers who help citizens take part: support points and paper forms. */
  static final Set<OfficialRole> ASSISTING =
      Set.of(
          OfficialRole.NATIONAL_ADMIN,
          OfficialRole.PROVINCE_OFFICER,
          OfficialRole.COMMUNE_OFFICER,
          OfficialRole.GROUP_OFFICER);

  /** The officers who confirm their unit's daily report. */
  static final Set<OfficialRole> REPORTING =
      Set.of(
          OfficialRole.NATIONAL_ADMIN,
          OfficialRole.PROVINCE_OFFICER,
          OfficialRole.COMMUNE_OFFICER,
          OfficialRole.GROUP_OFFICER);

  /** Which roles each endpoint is for, written out by hand (not derived from the code). */
  static final Map<Endpoint, Set<OfficialRole>> ALLOWED =
      Map.ofEntries(
          Map.entry(Endpoint.PARTICIPATION,
              Set.of(
                  OfficialRole.NATIONAL_ADMIN,
                  OfficialRole.PROVINCE_OFFICER,
                  OfficialRole.COMMUNE_OFFICER,
                  OfficialRole.GROUP_OFFICER,
                  OfficialRole.ANALYST)),
          Map.entry(Endpoint.RECEIPTS_FORM,
              Set.of(
                  OfficialRole.NATIONAL_ADMIN,
                  OfficialRole.PROVINCE_OFFICER,
                  OfficialRole.COMMUNE_OFFICER,
                  OfficialRole.GROUP_OFFICER,
                  OfficialRole.ANALYST)),
          Map.entry(Endpoint.RECEIPTS_CHECK,
              Set.of(
                  OfficialRole.NATIONAL_ADMIN,
                  OfficialRole.PROVINCE_OFFICER,
                  OfficialRole.COMMUNE_OFFICER,
                  OfficialRole.GROUP_OFFICER,
                  OfficialRole.ANALYST)),
          Map.entry(Endpoint.IMPORT_FORM,
              Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.PROVINCE_OFFICER, OfficialRole.COMMUNE_OFFICER)),
          Map.entry(Endpoint.IMPORT_UPLOAD,
              Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.PROVINCE_OFFICER, OfficialRole.COMMUNE_OFFICER)),
          Map.entry(Endpoint.IMPORT_JOB,
              Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.PROVINCE_OFFICER, OfficialRole.COMMUNE_OFFICER)),
          Map.entry(Endpoint.ACCOUNTS,
              Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.PROVINCE_OFFICER, OfficialRole.COMMUNE_OFFICER)),
          Map.entry(Endpoint.ACCOUNT_CREATE,
              Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.PROVINCE_OFFICER, OfficialRole.COMMUNE_OFFICER)),
          Map.entry(Endpoint.AUDIT, Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.AUDITOR)),
          Map.entry(Endpoint.RESULTS,
              Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.PROVINCE_OFFICER, OfficialRole.ANALYST)),
          Map.entry(Endpoint.ANSWERS,
              Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.PROVINCE_OFFICER, OfficialRole.ANALYST)),
          Map.entry(Endpoint.SUMMARY,
              Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.PROVINCE_OFFICER, OfficialRole.ANALYST)),
          Map.entry(Endpoint.REVIEW, Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.ANALYST)),
          Map.entry(Endpoint.CORRECT, Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.ANALYST)),
          Map.entry(Endpoint.KEYWORD, Set.of(OfficialRole.NATIONAL_ADMIN, OfficialRole.ANALYST)),
          Map.entry(Endpoint.SUPPORT_FORM, ASSISTING),
          Map.entry(Endpoint.SUPPORT_OPEN, ASSISTING),
          Map.entry(Endpoint.PAPER_FORM, ASSISTING),
          Map.entry(Endpoint.PAPER_ENTER, ASSISTING),
          Map.entry(Endpoint.DAILY,
              Set.of(
                  OfficialRole.NATIONAL_ADMIN,
                  OfficialRole.PROVINCE_OFFICER,
                  OfficialRole.COMMUNE_OFFICER,
                  OfficialRole.GROUP_OFFICER,
                  OfficialRole.ANALYST)),
          Map.entry(Endpoint.DAILY_DOCUMENT,
              Set.of(
                  OfficialRole.NATIONAL_ADMIN,
                  OfficialRole.PROVINCE_OFFICER,
                  OfficialRole.COMMUNE_OFFICER,
                  OfficialRole.GROUP_OFFICER,
                  OfficialRole.ANALYST)),
          Map.entry(Endpoint.FINAL_REPORT,
              Set.of(
                  OfficialRole.NATIONAL_ADMIN,
                  OfficialRole.PROVINCE_OFFICER,
                  OfficialRole.COMMUNE_OFFICER,
                  OfficialRole.GROUP_OFFICER,
                  OfficialRole.ANALYST)),
          Map.entry(Endpoint.DAILY_XLSX,
              Set.of(
                  OfficialRole.NATIONAL_ADMIN,
                  OfficialRole.PROVINCE_OFFICER,
                  OfficialRole.COMMUNE_OFFICER,
                  OfficialRole.GROUP_OFFICER,
                  OfficialRole.ANALYST)),
          Map.entry(Endpoint.DAILY_CONFIRM, REPORTING),
          Map.entry(Endpoint.DAILY_REMIND, REPORTING),
          Map.entry(Endpoint.DAILY_TARGET, REPORTING),
          Map.entry(Endpoint.DAILY_HAND_DOWN, REPORTING));

  /** A unit's daily report is confirmed, and the units below reminded, by that unit's own officials only. */
  static final Set<Endpoint> OWN_UNIT_ONLY =
      Set.of(Endpoint.DAILY_CONFIRM, Endpoint.DAILY_REMIND, Endpoint.DAILY_TARGET, Endpoint.DAILY_HAND_DOWN);

  /**
   * What acts on the whole country (a corrected wording is relabelled everywhere and teaches the
   * model; a keyword leads comments to an item everywhere): only for officials of the nation.
   */
  static final Set<Endpoint> NATIONAL_ONLY = Set.of(Endpoint.REVIEW, Endpoint.CORRECT, Endpoint.KEYWORD);

  /** Where each role's test account sits. */
  static final Map<OfficialRole, String> HOME =
      new EnumMap<>(
          Map.of(
              OfficialRole.NATIONAL_ADMIN, "VN",
              OfficialRole.PROVINCE_OFFICER, "37",
              OfficialRole.COMMUNE_OFFICER, "14167",
              OfficialRole.GROUP_OFFICER, "14167-01",
              OfficialRole.ANALYST, "14167",
              OfficialRole.AUDITOR, "37"));

  enum Relation {
    OWN,
    CHILD,
    SIBLING,
    PARENT
  }

  enum Endpoint {
    PARTICIPATION,
    RECEIPTS_FORM,
    RECEIPTS_CHECK,
    IMPORT_FORM,
    IMPORT_UPLOAD,
    /** The import's progress and report page (the job the upload just started, if it was allowed). */
    IMPORT_JOB,
    ACCOUNTS,
    ACCOUNT_CREATE,
    AUDIT,
    /** What comments say, as released: 422 for a village (the page says why nothing is shown). */
    RESULTS,
    /** The released results (answers per item): 422 for a village (content stops at communes). */
    ANSWERS,
    /** The drafting committee's summary per item: 422 for a village too. */
    SUMMARY,
    /** The labels the model is least sure of (wording only), for an analyst to correct. */
    REVIEW,
    /** Correcting the stance of a comment that does not exist: refused by the use case, nothing changes. */
    CORRECT,
    /** Adding a keyword with no letter: refused by the use case, nothing stored. */
    KEYWORD,
    SUPPORT_FORM,
    /** Asking for a support code without a place: refused by the use case, nothing stored. */
    SUPPORT_OPEN,
    PAPER_FORM,
    /** Entering a paper form with an invalid personal id: refused, nothing stored. */
    PAPER_ENTER,
    /** The unit's daily report of today (frozen figures, or when they will be). */
    DAILY,
    /** Yesterday's daily report as a PDF (its figures frozen). */
    DAILY_DOCUMENT,
    /** The consultation's final summary report as a DOCX (figures as of the latest cut-off). */
    FINAL_REPORT,
    /** Yesterday's commune-level snapshot as a spreadsheet, the units within. */
    DAILY_XLSX,
    /** Confirming the daily report with a negative number of meetings: refused, nothing stored. */
    DAILY_CONFIRM,
    /** Reminding a unit that is not below: refused, nothing stored. */
    DAILY_REMIND,
    /** A target on approval: refused by the use case (participation only), nothing stored. */
    DAILY_TARGET,
    /** Handing down a target that does not exist: refused, nothing stored. */
    DAILY_HAND_DOWN
  }

  @LocalServerPort int port;
  @Autowired OfficialAccounts accounts;
  @Autowired Units units;
  @Autowired vn.ykien.consultation.Consultations consultations;
  @Autowired vn.ykien.results.internal.Releases releases;
  @Autowired vn.ykien.Fixtures fixtures;

  final Map<OfficialRole, OfficialSession> sessions = new EnumMap<>(OfficialRole.class);

  /** Where the last allowed upload's job page is; a made-up job otherwise. */
  String lastJob = "";

  @BeforeAll
  void oneSignedInOfficialForEachRole() {
    // The demo's comments counted first: a release's themes are published again only once k more
    // people have commented.
    fixtures.readersCaughtUp();
    releases.publish(consultations.findBySlug("hien-phap-2025").orElseThrow().id());
    for (OfficialRole role : OfficialRole.values()) {
      String username = "matrix." + role.name().toLowerCase().replace('_', '-');
      var created =
          accounts.createAtConsole(
              new NewOfficial(username, "Matrix " + role, role, EDITION, HOME.get(role), PASSWORD, null, false));
      assertThat(created).isInstanceOf(AccountCreation.Created.class);
      var session = new OfficialSession(port);
      assertThat(session.signIn(username, PASSWORD, "")).isTrue();
      sessions.put(role, session);
    }
  }

  @Test
  void everyEndpointForEveryRoleAndUnitRelationAnswersAsTheMatrixSays() {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (OfficialRole role : OfficialRole.values()) {
      Unit home = unit(HOME.get(role));
      for (Relation relation : Relation.values()) {
        Unit target = related(home, relation);
        if (target == null) {
          continue; // the nation has no parent or sibling; a village has no child
        }
        for (Endpoint endpoint : Endpoint.values()) {
          boolean allowed =
              ALLOWED.get(endpoint).contains(role)
                  && (relation == Relation.OWN || relation == Relation.CHILD)
                  && (!NATIONAL_ONLY.contains(endpoint) || home.parentId() == null)
                  && (!OWN_UNIT_ONLY.contains(endpoint) || relation == Relation.OWN);
          HttpResponse<String> response = call(sessions.get(role), endpoint, target);
          int status = response.statusCode();
          int expected = allowed ? expectedSuccess(endpoint, target) : 403;
          checked++;
          // A refusal must come from the access rule (with its reason), not from, say, CSRF.
          boolean reasoned =
              allowed
                  || response.body().contains("Vai trò của bạn không có quyền này.")
                  || response.body().contains("Bạn không có quyền xem đơn vị này.")
                  || response.body().contains("Chỉ cán bộ cấp quốc gia được sửa nhãn và thêm từ khóa")
                  || response.body().contains("do cán bộ của chính đơn vị đó xác nhận");
          if (status != expected || !reasoned) {
            mismatches.add(
                "%s %s on %s unit %s: %d, expected %d"
                    .formatted(role, endpoint, relation, target.code(), status, expected));
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
    // 6 roles; the nation lacks parent and sibling, a village lacks a child: 21 pairs × 6 endpoints
    assertThat(checked).isEqualTo(21 * Endpoint.values().length);
  }

  @Test
  void someoneNotSignedInIsSentToTheOfficialsSignIn() {
    var anonymous = new OfficialSession(port);
    var response = anonymous.get("/officials/units/2026-07/14167/accounts");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/officials/sign-in");
  }

  @Test
  void aRefusalSaysWhyInTheOfficialsLanguage() {
    var response = sessions.get(OfficialRole.ANALYST).get("/officials/units/2026-07/14167/accounts");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("Vai trò của bạn không có quyền này.");
    var outside = sessions.get(OfficialRole.COMMUNE_OFFICER).get("/officials/units/2026-07/14161");
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(outside.body()).contains("Bạn không có quyền xem đơn vị này.");
  }

  @Test
  void theAccountFormCannotPlaceAnAccountOnASiblingOrParentUnit() {
    OfficialSession commune = sessions.get(OfficialRole.COMMUNE_OFFICER);
    for (String outside : List.of("14161", "37")) {
      var response =
          commune.post(
              "/officials/units/2026-07/14167/accounts",
              Map.of(
                  "username", "ngoai.pham.vi." + outside,
                  "displayName", "Ngoài Phạm Vi",
                  "role", "ANALYST",
                  "unitCode", outside,
                  "password", PASSWORD));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("Bạn không thể giao vai trò này, hoặc đơn vị nằm ngoài phạm vi của bạn.");
    }
    assertThat(accounts.within(unit("VN"))).noneMatch(a -> a.username().startsWith("ngoai.pham.vi"));
  }

  private int expectedSuccess(Endpoint endpoint, Unit target) {
    return switch (endpoint) {
      case IMPORT_UPLOAD, CORRECT, KEYWORD -> 302;
      case DAILY_CONFIRM, DAILY_REMIND, DAILY_TARGET, DAILY_HAND_DOWN -> 422;
      case RESULTS, ANSWERS, SUMMARY -> target.kind() == vn.ykien.units.UnitKind.VILLAGE ? 422 : 200;
      default -> 200;
    };
  }

  private HttpResponse<String> call(OfficialSession session, Endpoint endpoint, Unit unit) {
    String base = "/officials/units/" + unit.edition() + "/" + unit.code();
    HttpResponse<String> response =
        switch (endpoint) {
          case PARTICIPATION -> session.get(base);
          case RECEIPTS_FORM -> session.get(base + "/receipts");
          case RECEIPTS_CHECK -> session.post(base + "/receipts", Map.of("tokens", "YK-0000-0000-0000-0000.1.1.AAAA"));
          case IMPORT_FORM -> session.get(base + "/registry/import");
          // A list with a header and no rows: it imports nothing, whoever sends it.
          case IMPORT_UPLOAD -> {
            var upload =
                session.upload(
                  base + "/registry/import",
                  "empty.csv",
                  ("citizen_id,full_name,birth_date,sex,household_code,household_address,"
                          + "household_head,unit_code,eid_state,eid_level,occupation,memberships\n")
                      .getBytes(StandardCharsets.UTF_8));
            lastJob =
                upload.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse("");
            yield upload;
          }
          case IMPORT_JOB ->
              session.get(
                  lastJob.startsWith(base + "/registry/import/")
                      ? lastJob
                      : base + "/registry/import/00000000-0000-0000-0000-000000000000");
          case ACCOUNTS -> session.get(base + "/accounts");
          // An invalid username: refused by the use case when the official may create accounts.
          case ACCOUNT_CREATE ->
              session.post(base + "/accounts", Map.of("username", "X", "displayName", "x", "role", "ANALYST"));
          case AUDIT -> session.get(base + "/audit");
          case DAILY -> session.get(base + "/daily");
          case DAILY_XLSX ->
              session.get(base + "/daily.xlsx?level=COMMUNE&day=" + java.time.LocalDate.now(vn.ykien.consultation.Consultation.ZONE).minusDays(1));
          case DAILY_DOCUMENT ->
              session.get(base + "/daily.pdf?day=" + java.time.LocalDate.now(vn.ykien.consultation.Consultation.ZONE).minusDays(1));
          case FINAL_REPORT -> session.get(base + "/final-report.docx");
          case DAILY_CONFIRM -> session.post(base + "/daily", Map.of("meetings", "-1"));
          case DAILY_REMIND -> session.post(base + "/daily/remind", Map.of("unit", "none"));
          case DAILY_TARGET ->
              session.post(base + "/daily/targets", Map.of("population", "ELIGIBLE", "measure", "APPROVAL", "percent", "95"));
          case DAILY_HAND_DOWN -> session.post(base + "/daily/targets/hand-down", Map.of("target", "0", "split", "EVENLY"));
          case RESULTS -> session.get(base + "/results");
          case ANSWERS -> session.get(base + "/results/answers");
          case SUMMARY -> session.get(base + "/results/summary");
          case REVIEW -> session.get(base + "/results/review");
          case CORRECT ->
              session.post(
                  base + "/results/review", Map.of("consultation", "hien-phap-2025", "comment", "0", "stance", "SUPPORT"));
          case KEYWORD ->
              session.post(
                  base + "/results/keywords",
                  Map.of("consultation", "hien-phap-2025", "item", firstItemCode(), "keyword", "!!!"));
          case SUPPORT_FORM -> session.get(base + "/support");
          case SUPPORT_OPEN -> session.post(base + "/support", Map.of("consultation", "hien-phap-2025", "place", ""));
          case PAPER_FORM -> session.get(base + "/paper");
          case PAPER_ENTER ->
              session.post(base + "/paper", Map.of("consultation", "hien-phap-2025", "citizenId", "12"));
        };
    return response;
  }

  private String firstItemCode() {
    var consultation = consultations.findBySlug("hien-phap-2025").orElseThrow();
    return consultations.items(consultation.id()).getFirst().code();
  }

  private Unit unit(String code) {
    return units.findByCode(EDITION, code).orElseThrow();
  }

  private Unit related(Unit home, Relation relation) {
    return switch (relation) {
      case OWN -> home;
      case CHILD -> units.children(home.id()).stream().findFirst().orElse(null);
      case PARENT -> home.parentId() == null ? null : units.find(home.parentId()).orElseThrow();
      case SIBLING ->
          home.parentId() == null
              ? null
              : units.children(home.parentId()).stream()
                  .filter(u -> u.id() != home.id())
                  .findFirst()
                  .orElse(null);
    };
  }
}
