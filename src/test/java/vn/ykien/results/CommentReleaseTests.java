package vn.ykien.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.classification.CommentStance;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.opinion.SupportPoints;
import vn.ykien.results.internal.CellTable;
import vn.ykien.results.internal.Groups;
import vn.ykien.results.internal.LinearAttack;
import vn.ykien.results.internal.Releases;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * What comments say leaves the platform in releases, like the answers: per item, the people who
 * commented split by their stance, protected over units × groups × stances and against the release
 * before. An official who helped
 * one person comment sees nothing move until the next release, and nothing of theirs then.
 */
@IntegrationTest
class CommentReleaseTests {

  @LocalServerPort int port;
  @Autowired OpinionSubmission submission;
  @Autowired SupportPoints supportPoints;
  @Autowired Releases releases;
  @Autowired vn.ykien.results.internal.ThemeReleases themes;
  @Autowired ConsultationResults results;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;

  Unit commune() {
    return units.find(fixtures.residentialGroup(10).parentId()).orElseThrow();
  }

  static DraftItem article(List<DraftItem> items, int number) {
    return items.stream().filter(item -> item.article() == number).findFirst().orElseThrow();
  }

  /** A resident approves every item, with a comment on one of them. */
  void comments(Consultation consultation, CitizenId citizen, DraftItem on, String comment) {
    comments(consultation, citizen, on, comment, Assistance.SELF);
  }

  void comments(Consultation consultation, CitizenId citizen, DraftItem on, String comment, Assistance channel) {
    List<Answer> answers = new ArrayList<>();
    for (DraftItem item : fixtures.items(consultation)) {
      answers.add(new Answer(item.id(), Stance.APPROVE, item.id() == on.id() ? comment : null));
    }
    var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, channel, answers, null, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
  }

  ReleasedComments seen(Consultation consultation, Unit unit, Breakdown breakdown, String value) {
    return ((CommentsLookup.Found) results.comments(consultation, unit, breakdown, value)).comments();
  }

  ReleasedComments seen(Consultation consultation, Unit unit) {
    return ((CommentsLookup.Found) results.comments(consultation, unit, null, null)).comments();
  }

  static ReleasedComments.ItemComments row(ReleasedComments comments, DraftItem item) {
    return comments.items().stream().filter(r -> r.item().id() == item.id()).findFirst().orElseThrow();
  }

  @Test
  void aCommentStanceOfFewerThanKPeopleIsHiddenAndNoReleasedFigureGivesItAway() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<DraftItem> items = fixtures.items(consultation);
    DraftItem units110 = article(items, 110);
    DraftItem front9 = article(items, 9);
    for (int i = 0; i < 11; i++) {
      String comment = i % 2 == 0 ? "Tôi tán thành bỏ cấp huyện, lần " + i : "Tôi không đồng ý bỏ cấp huyện, lần " + i;
      comments(consultation, fixtures.aResident().register(), units110, comment);
    }
    comments(consultation, fixtures.aResident().male().register(), units110, "Đề nghị bổ sung quy định chuyển tiếp");
    for (int i = 0; i < 3; i++) {
      comments(consultation, fixtures.aResident().register(), front9, "Tôi tán thành, số " + i);
    }
    fixtures.readersCaughtUp();

    assertThat(releases.publish(consultation.id())).isInstanceOf(Release.Published.class);

    ReleasedComments everyone = seen(consultation, commune());
    assertThat(row(everyone, units110).people()).isEqualTo(12);
    assertThat(row(everyone, front9).people()).isEqualTo(3);
    // The commune publishes its total only; its province (where all of them live) by group.
    assertThat(results.comments(consultation, commune(), Breakdown.SEX, "M")).isInstanceOf(CommentsLookup.TotalOnly.class);
    Unit province = units.lineage(commune().id()).get(1);
    for (ReleasedComments shown :
        List.of(everyone, seen(consultation, province, Breakdown.SEX, "M"), seen(consultation, province, Breakdown.SEX, "F"))) {
      for (ReleasedComments.ItemComments item : shown.items()) {
        assertThat(item.stances().values())
            .as("%s of %s", item.item().code(), shown.value())
            .allMatch(people -> people == 0 || people >= 10);
      }
    }
    assertThat(everyone.outsideDraft().commenters()).isEqualTo(15);

    // Whoever solves the released tables cannot rule out that the one man's comment took any
    // stance, or none, anywhere up the line.
    ReleasedComment table = ReleasedComment.of(jdbc, units, consultation.id(), units110.id());
    LinearAttack attack = table.attack();
    for (CommentStance stance : CommentStance.values()) {
      int men = Groups.COMMENTS.column(Breakdown.SEX, "M");
      for (Unit unit : units.lineage(commune().id())) {
        int his = table.cell(unit.id(), men, stance);
        if (table.shown(his) < 0) {
          assertThat(attack.least(his)).as("%s of men in %s could be none", stance, unit.code()).isLessThanOrEqualTo(1e-6);
          assertThat(attack.most(his)).as("%s of men in %s could be his", stance, unit.code()).isGreaterThanOrEqualTo(1 - 1e-6);
        } else {
          assertThat(table.shown(his)).as("%s of men in %s", stance, unit.code()).isZero();
        }
      }
    }
  }

  @Test
  void anOfficialWhoHelpsOnePersonCommentSeesNothingMoveUntilTheNextReleaseAndCannotTellTheirStanceThen() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    DraftItem units110 = article(fixtures.items(consultation), 110);
    for (int i = 0; i < 40; i++) {
      String comment = i % 4 == 0 ? "Tôi không đồng ý bỏ cấp huyện, lần " + i : "Tôi tán thành bỏ cấp huyện, lần " + i;
      comments(consultation, fixtures.aResident().register(), units110, comment);
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    Map<Long, ReleasedComments> before = new HashMap<>();
    ReleasedComment first = ReleasedComment.of(jdbc, units, consultation.id(), units110.id());
    List<Unit> lineage = units.lineage(commune().id());
    for (Unit unit : lineage) {
      before.put(unit.id(), seen(consultation, unit));
    }

    // At the support point, the official helps one more person, over 60, comment on the article.
    comments(consultation, fixtures.aResident().aged(70).register(), units110, "Tôi không đồng ý bỏ cấp huyện vì quá xa dân");
    fixtures.readersCaughtUp();

    for (Unit unit : lineage) {
      assertThat(seen(consultation, unit)).as("%s before the next release", unit.code()).isEqualTo(before.get(unit.id()));
    }

    releases.publish(consultation.id());

    int over60 = Groups.COMMENTS.column(Breakdown.AGE, "OVER_60");
    int women = Groups.COMMENTS.column(Breakdown.SEX, "F");
    int checked = 0;
    ReleasedComment table = ReleasedComment.of(jdbc, units, consultation.id(), units110.id());
    LinearAttack attack = table.attack();
    for (Unit unit : lineage) {
      ReleasedComments.ItemComments then = row(before.get(unit.id()), units110);
      ReleasedComments.ItemComments now = row(seen(consultation, unit), units110);
      assertThat(now.people()).as("people who commented in %s", unit.code()).isEqualTo(then.people() + 1);
      for (CommentStance stance : CommentStance.values()) {
        if (then.shown(stance)) {
          assertThat(now.shown(stance)).as("%s in %s, shown before, after one newcomer", stance, unit.code()).isFalse();
        }
        for (int group : new int[] {Groups.ALL, over60, women}) {
          int cell = table.cell(unit.id(), group, stance);
          long previously = first.shown(first.cell(unit.id(), group, stance));
          if (previously >= 0) {
            checked++;
            // Shown before: now it could be as it was, or have taken the newcomer.
            assertThat(table.shown(cell)).as("%s of group %d in %s", stance, group, unit.code()).isEqualTo(-1);
            assertThat(attack.least(cell)).isLessThanOrEqualTo(previously + 1e-6);
            assertThat(attack.most(cell)).isGreaterThanOrEqualTo(previously + 1 - 1e-6);
          }
        }
      }
    }
    assertThat(checked).as("figures shown in the first release").isPositive();
  }

  private static final Pattern ROW = Pattern.compile("<tr data-item=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern PEOPLE = Pattern.compile("<td class=\"num people\">([0-9]+)</td>");
  private static final Pattern STANCE = Pattern.compile("<td class=\"num\" data-stance=\"([A-Z_]+)\">(.*?)</td>", Pattern.DOTALL);

  /** A comments page as read: per item, its people and the stances whose share it shows. */
  record PageRow(long people, Set<String> shownStances) {}

  static Map<String, PageRow> commentRows(String html) {
    Map<String, PageRow> rows = new HashMap<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      Matcher people = PEOPLE.matcher(row.group(2));
      assertThat(people.find()).as("people of %s", row.group(1)).isTrue();
      Set<String> shown = new HashSet<>();
      Matcher stance = STANCE.matcher(row.group(2));
      while (stance.find()) {
        if (stance.group(2).contains("%")) {
          shown.add(stance.group(1));
        }
      }
      rows.put(row.group(1), new PageRow(Long.parseLong(people.group(1)), shown));
    }
    return rows;
  }

  @Test
  void anOfficialWhoHelpsOnePersonCommentAndReadsTheCommentPagesBeforeAndAfterLearnsNothingOfTheirStance() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    DraftItem units110 = article(fixtures.items(consultation), 110);
    for (int i = 0; i < 40; i++) {
      String comment = i % 4 == 0 ? "Tôi không đồng ý bỏ cấp huyện, lần " + i : "Tôi tán thành bỏ cấp huyện, lần " + i;
      comments(consultation, fixtures.aResident().aged(61 + i % 20).register(), units110, comment);
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    // The province's officer may both assist citizens and read results: the comments pages of the
    // commune and the province, for everyone, the over-60s and women.
    OfficialSession official = new OfficialSession(port);
    assertThat(official.signIn("canbo.ninhbinh", "giaothuy-2025", "")).isTrue();
    List<Unit> lineage = units.lineage(commune().id());
    List<String> pages = new ArrayList<>();
    for (Unit unit : List.of(lineage.get(1), commune())) {
      for (String filter : List.of("", "&age=OVER_60", "&sex=F")) {
        String page = "/officials/units/" + unit.edition() + "/" + unit.code() + "/results?consultation=" + consultation.slug() + filter;
        if (unit.equals(commune()) && !filter.isEmpty()) {
          // A commune publishes its total only: its groups' pages say so and show no figure.
          var response = official.get(page);
          assertThat(response.body()).contains("id=\"refusal\"");
          assertThat(commentRows(response.body())).as(page).isEmpty();
          continue;
        }
        pages.add(page);
      }
    }
    Map<String, Map<String, PageRow>> before = new HashMap<>();
    for (String page : pages) {
      var response = official.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      before.put(page, commentRows(response.body()));
    }
    assertThat(before.values()).as("the pages show Article 110 with shares").allSatisfy(rows ->
        assertThat(rows.get("dieu-110").shownStances()).isNotEmpty());

    // At a support point of the commune the same official helps one woman over 60 comment.
    var issued = (SupportPoints.Issuance.Issued) supportPoints.issue("canbo.ninhbinh", commune().id(), consultation, "Nhà văn hoá");
    Assistance helped = supportPoints.resolve(issued.code().code(), consultation.id()).orElseThrow();
    comments(consultation, fixtures.aResident().aged(70).register(), units110, "Tôi không đồng ý bỏ cấp huyện vì quá xa dân", helped);
    fixtures.readersCaughtUp();
    for (String page : pages) {
      assertThat(commentRows(official.get(page).body())).as("%s before the next release", page).isEqualTo(before.get(page));
    }
    releases.publish(consultation.id());

    for (String page : pages) {
      PageRow then = before.get(page).get("dieu-110");
      PageRow now = commentRows(official.get(page).body()).get("dieu-110");
      assertThat(now.people()).as("people who commented, %s", page).isEqualTo(then.people() + 1);
      // One more person in the row: a share shown both times would say which stance she took.
      Set<String> bothTimes = new HashSet<>(then.shownStances());
      bothTimes.retainAll(now.shownStances());
      assertThat(bothTimes).as("stances shown before and after, %s", page).isEmpty();
    }
  }

  @Test
  void aCampaignsSizeMovesOnlyOnceKMorePeopleJoinedItNeverByTheOnePersonAnOfficialHelped() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    String copied = "Chúng tôi đề nghị giữ nguyên tên huyện Giao Thuỷ vì tên gọi gắn với lịch sử hàng trăm năm của quê hương";
    for (int i = 0; i < 15; i++) {
      general(consultation, fixtures.aResident().register(), copied);
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    List<Unit> lineage = units.lineage(commune().id());
    Unit nation = lineage.getFirst();
    Unit province = lineage.get(1);
    for (Unit unit : List.of(nation, province)) {
      assertThat(themes.of(consultation.id(), unit).campaigns()).as(unit.code())
          .singleElement().satisfies(campaign -> {
            assertThat(campaign.people()).isEqualTo(15);
            assertThat(campaign.text()).isEqualTo(copied);
          });
    }

    // The official helps one more person send the same words; the next release comes.
    general(consultation, fixtures.aResident().aged(70).register(), copied);
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());

    for (Unit unit : List.of(nation, province)) {
      assertThat(themes.of(consultation.id(), unit).campaigns()).as("%s after one more", unit.code())
          .singleElement().extracting(ReleasedThemes.Campaign::people).isEqualTo(15);
    }

    // Ten others comment on something else: still the one newcomer's move would show.
    for (int i = 0; i < 10; i++) {
      general(consultation, fixtures.aResident().register(), "Ý kiến khác về sáp nhập, người thứ " + i);
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    for (Unit unit : List.of(nation, province)) {
      assertThat(themes.of(consultation.id(), unit).campaigns()).as("%s after ten others", unit.code())
          .singleElement().extracting(ReleasedThemes.Campaign::people).isEqualTo(15);
    }

    // Nine more send the words: the campaign has grown by ten since it was shown, and shows it.
    for (int i = 0; i < 9; i++) {
      general(consultation, fixtures.aResident().register(), copied);
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    for (Unit unit : List.of(nation, province)) {
      assertThat(themes.of(consultation.id(), unit).campaigns()).as("%s after ten more in it", unit.code())
          .singleElement().extracting(ReleasedThemes.Campaign::people).isEqualTo(25);
    }
  }

  @Test
  void aCommunesThemesAppearOnceKPeopleCommentedThereAndMoveOnlyOnceKMoreHave() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    DraftItem article = article(fixtures.items(consultation), 110);
    for (int i = 0; i < 12; i++) {
      comments(consultation, fixtures.aResident().register(), article,
          "Đề nghị đặt trụ sở xã mới ở trung tâm để người dân đi lại làm giấy tờ thuận tiện, ý kiến " + i);
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    Unit commune = commune();
    List<ReleasedThemes.Theme> first = themes.of(consultation.id(), commune).of(article.id());
    assertThat(first).as("the commune's themes of Article 110").isNotEmpty();
    assertThat(first.stream().mapToInt(ReleasedThemes.Theme::people).sum()).isEqualTo(12);
    assertThat(first.getFirst().terms()).anyMatch(term -> term.contains("trụ"));
    assertThat(themes.of(consultation.id(), commune).campaigns()).as("campaigns are the provinces' and the nation's").isEmpty();

    // One more person, helped by the official, writes on the same thing: the next release shows
    // the themes as they were.
    comments(consultation, fixtures.aResident().aged(70).register(), article,
        "Trụ sở xã nên ở trung tâm, người già đi làm giấy tờ cho gần");
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    assertThat(themes.of(consultation.id(), commune).of(article.id())).as("after one more").isEqualTo(first);

    // Nine more: ten have commented since the themes were published, which are published afresh.
    for (int i = 0; i < 9; i++) {
      comments(consultation, fixtures.aResident().register(), article,
          "Trụ sở xã mới cần ở trung tâm cho người dân làm giấy tờ thuận tiện, góp ý " + i);
    }
    fixtures.readersCaughtUp();
    releases.publish(consultation.id());
    assertThat(themes.of(consultation.id(), commune).of(article.id()).stream().mapToInt(ReleasedThemes.Theme::people).sum())
        .as("after ten more").isEqualTo(22);
  }

  /** A resident approves every item and writes a general comment. */
  void general(Consultation consultation, CitizenId citizen, String comment) {
    List<Answer> answers = new ArrayList<>();
    for (DraftItem item : fixtures.items(consultation)) {
      answers.add(new Answer(item.id(), Stance.APPROVE, null));
    }
    var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers, comment, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
  }

  /** The released comment table of an item, as anyone can put it together from the published figures. */
  record ReleasedComment(List<Long> unitIds, CellTable shape, long[] published) {

    static ReleasedComment of(JdbcClient jdbc, Units units, long consultationId, long itemId) {
      Map<Long, long[]> rows = new HashMap<>();
      jdbc.sql("select unit_id, shown from results.unit_comment where consultation_id = ? and item_id = ? and stance = ?")
          .params(consultationId, itemId, Releases.COMMENT_STANCES)
          .query(rs -> {
            rows.put(rs.getLong(1), longs(rs.getArray(2)));
          });
      List<Long> ids = new ArrayList<>(rows.keySet());
      ids.sort(null);
      int row = Groups.COMMENTS.count() * Releases.COMMENT_COLUMNS;
      int[] parent = new int[ids.size()];
      long[] published = new long[ids.size() * row];
      for (int i = 0; i < ids.size(); i++) {
        Unit unit = units.find(ids.get(i)).orElseThrow();
        parent[i] = unit.parentId() == null ? -1 : ids.indexOf(unit.parentId());
        System.arraycopy(rows.get(ids.get(i)), 0, published, i * row, row);
      }
      return new ReleasedComment(
          ids, new CellTable(parent, new long[published.length], Releases.COMMENT_COLUMNS, Groups.COMMENTS), published);
    }

    LinearAttack attack() {
      return new LinearAttack(shape, published);
    }

    /** The cell of those whose stance it is, in a unit and group. */
    int cell(long unitId, int group, CommentStance stance) {
      return shape.cell(unitIds.indexOf(unitId), group, 1 + stance.ordinal());
    }

    long shown(int cell) {
      return published[cell];
    }

    static long[] longs(Array array) throws java.sql.SQLException {
      Long[] boxed = (Long[]) array.getArray();
      long[] values = new long[boxed.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = boxed[i];
      }
      return values;
    }
  }
}
