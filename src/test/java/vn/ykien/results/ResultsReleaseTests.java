package vn.ykien.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.results.internal.Groups;
import vn.ykien.results.internal.LinearAttack;
import vn.ykien.results.internal.MinimumGroup;
import vn.ykien.results.internal.Releases;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Results leave the platform in releases: a stance fewer than k people took is hidden, and so is
 * whatever would give it away, for whoever solves the released table.
 */
@IntegrationTest
class ResultsReleaseTests {

  @Autowired OpinionSubmission submission;
  @Autowired Releases releases;
  @Autowired ConsultationResults results;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;

  Unit commune() {
    return units.find(fixtures.residentialGroup(10).parentId()).orElseThrow();
  }

  /** A resident answers the first item with {@code stance} and approves the others. */
  void answers(Consultation consultation, CitizenId citizen, Stance stance) {
    List<Answer> answers = new ArrayList<>();
    for (DraftItem item : fixtures.items(consultation)) {
      answers.add(new Answer(item.id(), answers.isEmpty() ? stance : Stance.APPROVE, stance == Stance.PARTLY && answers.isEmpty() ? "Một phần" : null));
    }
    var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers, null, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
  }

  @Test
  void aStanceFewerThanKPeopleTookIsHiddenAndNoPublishedFigureGivesItAway() {
    Consultation consultation = fixtures.anOpenConsultation();
    for (int i = 0; i < 20; i++) {
      answers(consultation, fixtures.aResident().register(), Stance.APPROVE);
    }
    answers(consultation, fixtures.aResident().register(), Stance.DISAPPROVE);
    answers(consultation, fixtures.aResident().aged(70).male().register(), Stance.DISAPPROVE);
    fixtures.readersCaughtUp();

    assertThat(releases.publish(consultation.id())).isInstanceOf(Release.Published.class);

    List<UnitResults.ItemResults> items = ((ResultsLookup.Found) results.of(consultation, commune())).results().items();
    UnitResults.ItemResults item = items.getFirst();
    assertThat(item.total().people()).isEqualTo(22);
    assertThat(item.total().disapprove()).isNull();
    assertThat(item.total().partly()).as("22 people minus the approvals minus this would give the two away").isNull();
    assertThat(item.total().approve()).as("the headline stays: 20 of 22 approve").isEqualTo(20L);
    assertThat(items.get(1).total().approve())
        .as("everyone approved the second item: 22 of 22 would tell the one man over 60's answer")
        .isNull();

    ReleasedTables table = ReleasedTables.of(jdbc, units, consultation.id(), item.item().id());
    LinearAttack attack = table.attack();
    for (Unit unit : units.lineage(commune().id())) {
      int disapprovals = table.cell(unit.id(), Groups.ALL, Stance.DISAPPROVE);
      assertThat(attack.least(disapprovals)).as("disapprovals in %s could be none", unit.code()).isLessThanOrEqualTo(1e-6);
      // The one person over 60: each stance could be his, or not.
      for (Stance stance : Stance.values()) {
        int olderMen = table.cell(unit.id(), Groups.ANSWERS.column(Breakdown.AGE, "OVER_60"), stance);
        assertThat(attack.least(olderMen)).as("%s over 60 in %s could be none", stance, unit.code()).isLessThanOrEqualTo(1e-6);
        assertThat(attack.most(olderMen)).as("%s over 60 in %s could be him", stance, unit.code()).isGreaterThanOrEqualTo(1 - 1e-6);
      }
    }
  }

  @Test
  void kCannotBeLoweredBelowTenByConfiguration() {
    assertThatThrownBy(() -> new MinimumGroup(9)).hasMessageContaining("at least 10");
    assertThat(new MinimumGroup(25).value()).isEqualTo(25);
  }
}
