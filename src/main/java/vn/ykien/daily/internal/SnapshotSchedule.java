package vn.ykien.daily.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.daily.DailySnapshots;
import vn.ykien.daily.Level;
import vn.ykien.daily.SnapshotTaking;

/**
 * Every minute, takes each level's snapshot of every day of an open (or just closed) consultation
 * whose cut-off has passed and that has none yet: today's right after its cut-off, and any day a
 * stopped platform missed, with the same figures as if taken on time. With several servers, one
 * takes each (the snapshot's advisory lock); the others find it taken.
 */
@Component
@ConditionalOnProperty(name = "ykien.cli", havingValue = "false", matchIfMissing = true)
class SnapshotSchedule {

  private static final Logger log = LoggerFactory.getLogger(SnapshotSchedule.class);

  private final DailySnapshots snapshots;
  private final Consultations consultations;
  private final Clock clock;
  private final boolean enabled;

  SnapshotSchedule(
      DailySnapshots snapshots,
      Consultations consultations,
      Clock clock,
      @Value("${ykien.daily.schedule:true}") boolean enabled) {
    this.snapshots = snapshots;
    this.consultations = consultations;
    this.clock = clock;
    this.enabled = enabled;
  }

  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
  void scheduled() {
    if (enabled) {
      takeDue();
    }
  }

  /** Takes every snapshot due now and not taken yet. */
  void takeDue() {
    // A consultation closed the day before yesterday or earlier has all its snapshots.
    for (Consultation consultation : consultations.openOrUpcoming(clock.instant().minus(java.time.Duration.ofDays(2)))) {
      takeDue(consultation);
    }
  }

  /** Takes every snapshot of a consultation due now and not taken yet. */
  void takeDue(Consultation consultation) {
    Instant now = clock.instant();
    LocalDate first = LocalDate.ofInstant(consultation.window().opens(), Consultation.ZONE);
    LocalDate last = LocalDate.ofInstant(consultation.window().closes(), Consultation.ZONE).plusDays(1);
    LocalDate today = LocalDate.ofInstant(now, Consultation.ZONE);
    for (LocalDate day = first; !day.isAfter(last) && !day.isAfter(today); day = day.plusDays(1)) {
      for (Level level : Level.values()) {
        if (snapshots.cutOff(consultation, level, day).isBefore(consultation.window().opens())
            || snapshots.find(consultation.id(), level, day).isPresent()) {
          continue;
        }
        take(consultation, level, day);
      }
    }
  }

  private void take(Consultation consultation, Level level, LocalDate day) {
    try {
      if (snapshots.take(consultation, level, day) instanceof SnapshotTaking.Taken taken) {
        log.info(
            "Daily snapshot of {} taken: {} level, {} (cut-off {}), {} units, {} ms",
            consultation.slug(), level, day, taken.snapshot().cutOff(), taken.snapshot().units(), taken.millis());
      }
    } catch (RuntimeException e) {
      // Nothing of it is stored; the next minute tries again.
      log.error("Daily snapshot of {} ({} level, {}) could not be taken", consultation.slug(), level, day, e);
    }
  }
}
