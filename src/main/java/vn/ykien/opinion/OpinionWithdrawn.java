package vn.ykien.opinion;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone withdrew their opinion: they no longer count as a participant where they were counted.
 * Carries participation only: never the citizen, never the content.
 *
 * @param id this event's own id, applied once by a counting listener (see {@link OpinionSubmitted})
 */
public record OpinionWithdrawn(
    java.util.@Nullable UUID id,
    long consultationId, long unitId, Channel channel, Instant withdrawnAt) {}
