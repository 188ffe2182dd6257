package vn.ykien.opinion;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone took part in a consultation, or revised their opinion. Carries participation only:
 * never the citizen, never the content.
 *
 * @param id this event's own id: a listener that keeps a count applies each id once (events are
 *     delivered at least once, again after a crash); null only in events stored before it existed
 * @param previousUnitId where the person lived at their earlier submission, null on the first one
 * @param previousChannel the channel of the earlier submission, null on the first one
 */
public record OpinionSubmitted(
    java.util.@Nullable UUID id,
    long consultationId,
    long unitId,
    Channel channel,
    @Nullable Long previousUnitId,
    @Nullable Channel previousChannel,
    Instant submittedAt) {

  public boolean isFirstParticipation() {
    return previousChannel == null || previousUnitId == null;
  }

  /** Whether this submission moves the person to another unit or channel in the counts. */
  public boolean movesParticipant() {
    return !isFirstParticipation() && (previousUnitId != unitId || previousChannel != channel);
  }
}
