package vn.ykien.opinion.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys are for retries, which come within minutes: a key is kept a day, then
 * forgotten (a request with it later is a new request).
 */
@Component
@ConditionalOnProperty(name = "ykien.cli", havingValue = "false", matchIfMissing = true)
public class IdempotencyCleanup {

  static final Duration KEPT = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  IdempotencyCleanup(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  public int forgetOldKeys() {
    return jdbc.sql("delete from opinion.idempotent_request where created_at < ?")
        .param(Timestamp.from(clock.instant().minus(KEPT)))
        .update();
  }
}
