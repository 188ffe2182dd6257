package vn.ykien.opinion;

import java.time.Instant;

/**
 * Someone withdrew their opinion: they no longer count as a participant where they were counted.
 * Carries participation only: never the citizen, never the content.
 */
public record OpinionWithdrawn(long consultationId, long unitId, Channel channel, Instant withdrawnAt) {}
