package vn.ykien.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ykien.Fixtures;
import vn.ykien.OfficialSession;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.OpinionLogReaders;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.units.Units;

/** A change a reader cannot apply is set aside with its reason; the changes after it still count. */
@IntegrationTest
class ParkedChangesTests {

  @Autowired Fixtures fixtures;
  @Autowired OpinionSubmission submission;
  @Autowired OpinionLogReaders readers;
  @Autowired ParticipationReport report;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void aChangeInAUnitThatDoesNotExistIsParkedWithItsReasonAndTheNextOpinionStillCounts() {
    Consultation consultation = fixtures.anOpenConsultation();
    // A change naming a unit no edition has (as if the unit had been deleted under it).
    jdbc.sql(
            """
            insert into opinion.participation_log (consultation_id, citizen_id, seq, withdrawn, unit_id, channel,
              age_band, sex, occupation, memberships, first_day, day, hour)
            values (?, '099999999999', 1, false, 987654321, 'SELF', 'OVER_60', 'F', null, 0, current_date, current_date,
              date_trunc('hour', now()))
            """)
        .param(consultation.id())
        .update();
    long parkedBefore = parked();
    var citizen = fixtures.aResident().inGroup(15).register();
    List<Answer> answers =
        fixtures.items(consultation).stream().map(item -> new Answer(item.id(), Stance.APPROVE, null)).toList();
    submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers));

    fixtures.readersCaughtUp();

    assertThat(parked()).isEqualTo(parkedBefore + 1);
    assertThat(jdbc.sql("select reason from reporting.parked_change order by parked_at desc limit 1")
            .query(String.class).single())
        .contains("987654321");
    var commune = units.findByCode("2026-07", "14167").orElseThrow();
    var group15 = report.forUnitAndChildren(consultation, commune).stream()
        .filter(row -> row.unit().code().equals("14167-15")).findFirst().orElseThrow();
    assertThat(group15.participants()).isEqualTo(1);
    assertThat(readers.lag()).anySatisfy(lag -> {
      assertThat(lag.reader()).isEqualTo("reporting.participation");
      assertThat(lag.parked()).isEqualTo(parkedBefore + 1);
      assertThat(lag.pending()).isZero();
    });

    // The officials' page says the figures are current, and that some submissions were set aside.
    var official = new OfficialSession(port);
    assertThat(official.signIn("canbo.giaothuy", "giaothuy-2025", "")).isTrue();
    String page = official.get("/officials/units/2026-07/14167?consultation=" + consultation.slug()).body();
    assertThat(page).contains("Số liệu đã tính mọi ý kiến gửi đến lúc này.")
        .contains("lượt gửi không tính được và đã được tạm gác");

    // The national administrator's page of the readers lists the parked change with its reason.
    var national = new OfficialSession(port);
    assertThat(national.signIn("quantri.quocgia", "giaothuy-2025", "")).isTrue();
    String readersPage = national.get("/officials/units/2026-07/VN/readers").body();
    assertThat(readersPage).contains("Thay đổi bị tạm gác: Số liệu tham gia").contains("987654321");
    // Below the nation there is no such page; a commune officer may not see the nation's.
    assertThat(national.get("/officials/units/2026-07/14167/readers").statusCode()).isEqualTo(404);
    assertThat(official.get("/officials/units/2026-07/VN/readers").statusCode()).isEqualTo(403);
  }

  long parked() {
    return jdbc.sql("select count(*) from reporting.parked_change where reader = 'reporting.participation'")
        .query(Long.class).single();
  }
}
