package vn.ykien.opinion.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A paper form typed once and never confirmed by a second officer is forgotten after two weeks:
 * its first entry keeps the person's id beside a digest of what the form says, which should not
 * outlive its use. Typing the form again starts over.
 */
@Component
@ConditionalOnProperty(name = "ykien.cli", havingValue = "false", matchIfMissing = true)
public class PaperEntryCleanup {

  static final Duration KEPT = Duration.ofDays(14);

  private final JdbcClient jdbc;
  private final Clock clock;

  PaperEntryCleanup(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  public int forgetUnconfirmed() {
    return jdbc.sql("delete from opinion.paper_entry where entered_at < ?")
        .param(Timestamp.from(clock.instant().minus(KEPT)))
        .update();
  }
}
