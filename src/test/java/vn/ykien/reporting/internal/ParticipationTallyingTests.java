package vn.ykien.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ykien.IntegrationTest;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.OpinionSubmitted;

@IntegrationTest
class ParticipationTallyingTests {

  @Autowired ParticipationTallying tallying;
  @Autowired TallyStore tallies;

  long counted(long consultation, long unit) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    long count = 0;
    while (System.nanoTime() < deadline && count == 0) {
      count = tallies.participants(consultation, List.of(unit)).getOrDefault(Channel.SELF, 0L);
      Thread.sleep(50);
    }
    return count;
  }

  @Test
  void anEventDeliveredAgainAfterACrashIsCountedOnce() throws Exception {
    long consultation = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
    var event = new OpinionSubmitted(UUID.randomUUID(), consultation, 42, Channel.SELF, null, null, Instant.now());

    tallying.on(event);
    tallying.on(event);

    assertThat(counted(consultation, 42)).isEqualTo(1);
    Thread.sleep(500); // room for a second count, were it to happen
    assertThat(tallies.participants(consultation, List.of(42L))).containsEntry(Channel.SELF, 1L);
  }
}
