package vn.ykien.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.classification.internal.Corrections;
import vn.ykien.classification.internal.Reclassification;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.OwnOpinions;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.opinion.WithdrawOpinion;
import vn.ykien.opinion.WithdrawalResult;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * The analysts' figures come from tallies of the classified comments, and every way a person's
 * comments change moves them: a revision, a withdrawal, an analyst's correction, a re-classification.
 */
@IntegrationTest
class CommentTalliesTests {

  static final String KEEP_THE_DISTRICT = "Đề nghị giữ nguyên cấp huyện như hiện nay để người dân dễ liên hệ";

  @Autowired OpinionSubmission submission;
  @Autowired OwnOpinions own;
  @Autowired CommentTallies tallies;
  @Autowired Corrections corrections;
  @Autowired Reclassification reclassification;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;

  void send(Consultation consultation, CitizenId citizen, DraftItem item, String comment, String general) {
    List<Answer> answers = new ArrayList<>();
    for (DraftItem each : fixtures.items(consultation)) {
      answers.add(new Answer(each.id(), Stance.APPROVE, each.id() == item.id() ? comment : null));
    }
    var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers, general, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
  }

  Unit commune() {
    Unit group = fixtures.residentialGroup(10);
    return units.find(group.parentId()).orElseThrow();
  }

  ItemResult110 seen(Consultation consultation, DraftItem item) {
    fixtures.readersCaughtUp();
    // The people and stances as counted (releases publish them, protected): straight from the tallies.
    java.util.Map<String, Integer> counted = new java.util.HashMap<>();
    jdbc.sql(
            """
            select item_id, stance, sum(people) from classification.comment_count
            where consultation_id = ? and unit_id = ? and item_id in (0, ?) group by item_id, stance
            """)
        .params(consultation.id(), commune().id(), item.id())
        .query(rs -> {
          counted.put(rs.getLong(1) + "/" + rs.getString(2), rs.getInt(3));
        });
    java.util.Map<CommentStance, Integer> stances = new java.util.EnumMap<>(CommentStance.class);
    for (CommentStance stance : CommentStance.values()) {
      Integer people = counted.get(item.id() + "/" + stance.name());
      if (people != null && people > 0) {
        stances.put(stance, people);
      }
    }
    return new ItemResult110(counted.getOrDefault(item.id() + "/ALL", 0), stances, counted.getOrDefault("0/UNCLEAR", 0));
  }

  record ItemResult110(Integer people, java.util.Map<CommentStance, Integer> stances, Integer unclear) {}

  @Test
  void revisionsWithdrawalsCorrectionsAndReclassificationMoveTheTalliesAsARecountWould() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<DraftItem> items = fixtures.items(consultation);
    DraftItem units110 = CommentClassificationTests.article(items, 110);
    List<CitizenId> people = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      CitizenId citizen = fixtures.aResident().register();
      people.add(citizen);
      send(consultation, citizen, units110, KEEP_THE_DISTRICT, null);
    }
    // Ten people write nothing readable: counted as unclear, nowhere else.
    for (int i = 0; i < 10; i++) {
      send(consultation, fixtures.aResident().register(), units110, null, "!!! ??? ...");
    }
    ItemResult110 first = seen(consultation, units110);
    assertThat(first.people()).isEqualTo(14);
    assertThat(first.unclear()).isEqualTo(10);
    assertThat(tallies.recount(consultation.id(), false)).isZero();

    // Two change their wording, one withdraws: 13 people still comment on the article.
    send(consultation, people.get(0), units110, "Tôi không đồng ý bỏ cấp huyện vì quá xa dân", null);
    send(consultation, people.get(1), units110, "Tôi không đồng ý bỏ cấp huyện vì quá xa dân", null);
    assertThat(own.withdraw(new WithdrawOpinion(consultation.id(), people.get(2), 2)))
        .isInstanceOf(WithdrawalResult.Withdrawn.class);
    ItemResult110 revised = seen(consultation, units110);
    assertThat(revised.people()).isEqualTo(13);
    assertThat(tallies.recount(consultation.id(), false)).isZero();

    // An analyst reads the wording eleven people sent as opposition: their eleven move there.
    long wording = jdbc.sql("select min(id) from classification.comment where consultation_id = ? and text = ?")
        .params(consultation.id(), KEEP_THE_DISTRICT).query(Long.class).single();
    CommentStance before = CommentStance.valueOf(jdbc.sql("select stance from classification.comment where id = ?")
        .param(wording).query(String.class).single());
    CommentStance corrected = before == CommentStance.OPPOSE ? CommentStance.SUGGEST : CommentStance.OPPOSE;
    assertThat(corrections.correctStance(wording, corrected, "phantich", commune().path()))
        .isInstanceOf(Corrections.Outcome.Corrected.class);
    ItemResult110 afterCorrection = seen(consultation, units110);
    assertThat(afterCorrection.people()).isEqualTo(13);
    assertThat(afterCorrection.stances().getOrDefault(corrected, 0))
        .isEqualTo(revised.stances().getOrDefault(corrected, 0) + 11);
    assertThat(afterCorrection.stances().getOrDefault(before, 0))
        .isEqualTo(revised.stances().getOrDefault(before, 0) - 11);
    assertThat(tallies.recount(consultation.id(), false)).isZero();

    // A new keyword re-reads every comment; the tallies follow the new readings.
    corrections.addKeyword(units110.id(), "liên hệ", "phantich");
    assertThat(reclassification.all(consultation.id())).isPositive();
    assertThat(tallies.recount(consultation.id(), false)).isZero();
    assertThat(seen(consultation, units110).people()).isEqualTo(13);
  }

  @Test
  void aPersonCountsForOneStancePerArticleThatOfTheirCommentOnItSoTheStancesAddUpToThePeople() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    DraftItem units110 = CommentClassificationTests.article(fixtures.items(consultation), 110);
    // A comment on the article and a general one citing it.
    send(consultation, fixtures.aResident().register(), units110, "Tôi không đồng ý bỏ cấp huyện vì quá xa dân",
        "Đề nghị bổ sung quy định chuyển tiếp cho khoản 2 Điều 110");
    fixtures.readersCaughtUp();
    assertThat(jdbc.sql("""
            select count(*) from classification.comment c
            join classification.comment_item ci on ci.comment_id = c.id and ci.item_id = ?
            where c.consultation_id = ?""")
        .params(units110.id(), consultation.id()).query(Long.class).single())
        .as("both comments concern the article").isEqualTo(2);
    CommentStance own = CommentStance.valueOf(jdbc.sql(
            "select coalesce(corrected_stance, stance) from classification.comment where consultation_id = ? and item_id = ?")
        .params(consultation.id(), units110.id()).query(String.class).single());

    ItemResult110 seen = seen(consultation, units110);

    assertThat(seen.people()).isEqualTo(1);
    assertThat(seen.stances()).containsExactly(java.util.Map.entry(own, 1));
    assertThat(tallies.recount(consultation.id(), false)).isZero();
  }

  @Test
  void aRecountRepairsTalliesSomeoneChangedByHand() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    DraftItem units110 = CommentClassificationTests.article(fixtures.items(consultation), 110);
    for (int i = 0; i < 12; i++) {
      send(consultation, fixtures.aResident().register(), units110, KEEP_THE_DISTRICT, null);
    }
    fixtures.readersCaughtUp();
    int changed = jdbc.sql(
            "update classification.comment_count set people = people + 5 where consultation_id = ? and item_id = ? and stance = 'ALL'")
        .params(consultation.id(), units110.id())
        .update();

    assertThat(changed).as("the commune, its province and the nation, per group").isGreaterThanOrEqualTo(3);
    assertThat(tallies.recount(consultation.id(), false)).isEqualTo(changed);
    assertThat(tallies.recount(consultation.id(), true)).isEqualTo(changed);
    assertThat(tallies.recount(consultation.id(), false)).isZero();
    assertThat(seen(consultation, units110).people()).isEqualTo(12);
  }
}
