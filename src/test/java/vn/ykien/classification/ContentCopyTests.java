package vn.ykien.classification;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.ykien.shared.CitizenId;

/**
 * Someone holding a copy of the database, without the keys, tries to pair what was said with who
 * took part (issue 12, point 2): through classification's pseudonyms, through the order of its
 * rows, and through the answer tallies of a village.
 */
@IntegrationTest
class ContentCopyTests {

  @Autowired OpinionSubmission submission;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

  void send(Consultation consultation, CitizenId citizen, String comment) {
    List<Answer> answers = new ArrayList<>();
    for (DraftItem item : fixtures.items(consultation)) {
      answers.add(new Answer(item.id(), Stance.APPROVE, answers.isEmpty() ? comment : null));
    }
    var result =
        submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers, null, null));
    assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
  }

  @Test
  void classificationsPseudonymsDoNotJoinTheOpinionsOnes() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    send(consultation, fixtures.aResident().register(), "Đề nghị giữ nguyên quy định về quyền chất vấn");
    send(consultation, fixtures.aResident().register(), "Tôi tán thành việc sắp xếp đơn vị hành chính");
    fixtures.readersCaughtUp();

    assertThat(jdbc.sql("select count(*) from classification.comment where consultation_id = ?")
            .param(consultation.id()).query(Long.class).single())
        .isEqualTo(2);
    for (String table : List.of("classification.comment", "classification.author", "classification.counted")) {
      long joined =
          jdbc.sql(
                  "select count(*) from " + table + " c join opinion.change_log l"
                      + " on l.consultation_id = c.consultation_id and encode(l.pseudonym, 'hex') = c.author"
                      + " where c.consultation_id = ?")
              .param(consultation.id())
              .query(Long.class)
              .single();
      assertThat(joined).as(table + " joined with the opinion log by pseudonym").isZero();
    }
  }

  @Test
  void classifiedCommentsCarryNoArrivalOrder() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String comment = "Ý kiến số " + (char) ('A' + i) + " về việc sắp xếp đơn vị hành chính cấp xã";
      sent.add(comment);
      send(consultation, fixtures.aResident().register(), comment);
    }
    fixtures.readersCaughtUp();

    List<String> byId =
        jdbc.sql("select text from classification.comment where consultation_id = ? order by id")
            .param(consultation.id())
            .query(String.class)
            .list();
    assertThat(byId).containsExactlyInAnyOrderElementsOf(sent);
    // In arrival order with a sequence; in that order by chance once in 12! = 479,001,600 runs.
    assertThat(byId).isNotEqualTo(sent);
  }

  @Test
  void answersAreTalliedFromTheCommuneUpNeverPerVillage() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    send(consultation, fixtures.aResident().inGroup(4).register(), null);
    fixtures.readersCaughtUp();
    long village = fixtures.residentialGroup(4).id();
    long commune = fixtures.residentialGroup(4).parentId();

    assertThat(people(consultation, village)).as("participation in the village").isEqualTo(1);
    assertThat(answers(consultation, village)).as("answers in the village").isZero();
    assertThat(answers(consultation, commune)).as("answers in the commune").isEqualTo(fixtures.items(consultation).size());
  }

  @Test
  void theOpinionLogDoesNotLeadFromAPersonsVillageGroupAndDayToTheirPseudonym() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    CitizenId citizen = fixtures.aResident().inGroup(7).aged(67).register();
    send(consultation, citizen, "Đề nghị giữ tên làng");
    long village = fixtures.residentialGroup(7).id();

    // An insider knows from the registry where the person lives, their age band and sex, and from
    // the participation figures the day they took part: that singles out one log row no longer.
    long found =
        jdbc.sql(
                """
                select count(*) from opinion.change_log
                where consultation_id = ? and unit_id = ? and age_band = 'OVER_60' and sex = 'F'
                  and first_day = current_date
                """)
            .params(consultation.id(), village)
            .query(Long.class)
            .single();
    assertThat(found).isZero();
    // The log of content keeps the commune and the day; who took part where and when is in the
    // participation log, which has no pseudonym.
    assertThat(columns("change_log")).contains("pseudonym", "unit_id", "day").doesNotContain("hour", "citizen_id");
    assertThat(columns("participation_log")).contains("citizen_id", "unit_id", "hour").doesNotContain("pseudonym");
    assertThat(jdbc.sql("select unit_id from opinion.participation_log where consultation_id = ? and citizen_id = ?")
            .params(consultation.id(), citizen.value()).query(Long.class).single())
        .isEqualTo(village);
  }

  @Test
  void contentIsWrittenByAnotherTransactionThanTheParticipationAndInAShuffledOrder() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    List<CitizenId> citizens = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      citizens.add(fixtures.aResident().register());
    }
    // Twelve submissions that commit together reach the mixer together: one batch.
    new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      for (int i = 0; i < citizens.size(); i++) {
        send(consultation, citizens.get(i), "Ý kiến số " + (char) ('A' + i) + " về chính quyền địa phương");
      }
    });
    fixtures.readersCaughtUp();

    // Someone with a copy of the database pairs rows by the transaction that wrote them: the
    // participation's transaction wrote no content, and the content's wrote no participation.
    long shared =
        jdbc.sql(
                """
                select count(*) from opinion.participation p
                where p.consultation_id = ?
                  and (exists (select 1 from opinion.answer_revision r
                               where r.consultation_id = p.consultation_id and r.xmin = p.xmin)
                    or exists (select 1 from opinion.change_log l
                               where l.consultation_id = p.consultation_id and l.xmin = p.xmin))
                """)
            .param(consultation.id())
            .query(Long.class)
            .single();
    assertThat(shared).isZero();
    // In the opinion log, the batch's order is not the order they came in.
    List<String> logged =
        jdbc.sql(
                """
                select r.comment from opinion.change_log l
                join opinion.answer_revision r
                  on r.consultation_id = l.consultation_id and r.pseudonym = l.pseudonym and r.revision = l.revision
                where l.consultation_id = ? and r.comment is not null
                order by l.id
                """)
            .param(consultation.id())
            .query(String.class)
            .list();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sent.add("Ý kiến số " + (char) ('A' + i) + " về chính quyền địa phương");
    }
    assertThat(logged).containsExactlyInAnyOrderElementsOf(sent);
    // In arrival order once in 12! = 479,001,600 batches.
    assertThat(logged).isNotEqualTo(sent);
  }

  @Test
  void anEnvelopeTheMixerCannotOpenIsParkedStillSealedAndTheOthersAreWritten() {
    Consultation consultation = fixtures.anOpenConsultationOnTheDraft();
    java.util.UUID forged = java.util.UUID.randomUUID();
    jdbc.sql("insert into opinion.content_inbox (id, sealed) values (?, ?)")
        .params(forged, "not sealed to the mixer".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .update();
    send(consultation, fixtures.aResident().register(), "Tôi tán thành");
    fixtures.readersCaughtUp();

    assertThat(jdbc.sql("select reason from opinion.content_parked where id = ?").param(forged)
            .query(String.class).single())
        .contains("GeneralSecurityException");
    assertThat(jdbc.sql("select count(*) from opinion.change_log where consultation_id = ?").param(consultation.id())
            .query(Long.class).single())
        .isEqualTo(1);
  }

  List<String> columns(String table) {
    return jdbc.sql("select column_name from information_schema.columns where table_schema = 'opinion' and table_name = ?")
        .param(table)
        .query(String.class)
        .list();
  }

  long people(Consultation consultation, long unitId) {
    return jdbc.sql("select coalesce(sum(people), 0) from reporting.participation_count where consultation_id = ? and unit_id = ?")
        .params(consultation.id(), unitId)
        .query(Long.class)
        .single();
  }

  long answers(Consultation consultation, long unitId) {
    return jdbc.sql("select coalesce(sum(answers), 0) from reporting.answer_count where consultation_id = ? and unit_id = ?")
        .params(consultation.id(), unitId)
        .query(Long.class)
        .single();
  }
}
