package vn.ykien.daily.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.daily.DailySnapshots;
import vn.ykien.daily.Level;

@IntegrationTest
class SnapshotScheduleTests {

  @Autowired SnapshotSchedule schedule;
  @Autowired DailySnapshots snapshots;
  @Autowired Fixtures fixtures;

  @Test
  void everyLevelsSnapshotOfEveryDaySinceOpeningIsTakenOnceItsCutOffHasPassedAndNoneBefore() {
    Consultation consultation = fixtures.anOpenConsultation();
    Instant asked = Instant.now();

    schedule.takeDue(consultation);
    schedule.takeDue(consultation);

    Instant answered = Instant.now();
    LocalDate opened = LocalDate.ofInstant(consultation.window().opens(), Consultation.ZONE);
    int taken = 0;
    for (LocalDate day = opened; !day.isAfter(opened.plusDays(2)); day = day.plusDays(1)) {
      for (Level level : Level.values()) {
        Instant cutOff = snapshots.cutOff(consultation, level, day);
        boolean there = snapshots.find(consultation.id(), level, day).isPresent();
        if (cutOff.isBefore(consultation.window().opens())) {
          assertThat(there).as("%s of %s, before the consultation opened", level, day).isFalse();
        } else if (!cutOff.plus(DailySnapshots.COMMIT_GRACE).isAfter(asked)) {
          assertThat(there).as("%s of %s, due", level, day).isTrue();
          taken++;
        } else if (cutOff.plus(DailySnapshots.COMMIT_GRACE).isAfter(answered)) {
          assertThat(there).as("%s of %s, not due yet", level, day).isFalse();
        }
      }
    }
    assertThat(taken).as("snapshots due since the consultation opened yesterday").isPositive();
  }
}
