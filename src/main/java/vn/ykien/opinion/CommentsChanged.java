package vn.ykien.opinion;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.ykien.consultation.CitizenGroup;

/**
 * The free-text comments of one opinion, as they now stand, for classification: published when
 * an opinion with comments is sent, when a revision changes them, and (with none) on withdrawal.
 * Carries content under the opinion's pseudonym, never the citizen; with only the coarse facts
 * results are broken down by: the unit, the citizen group, the day.
 *
 * @param author the opinion's pseudonym (hex): the same person within this consultation, unknown
 *     outside it
 * @param revision the opinion's revision: a listener applies a later one over an earlier one,
 *     never the reverse (events may arrive out of order)
 * @param unitId where the person lives (their lowest unit)
 * @param group null on withdrawal
 * @param hour the submission's time, to the hour: campaigns are told by how fast copies arrive
 */
public record CommentsChanged(
    UUID id,
    long consultationId,
    String author,
    int revision,
    long unitId,
    @Nullable CitizenGroup group,
    Channel channel,
    LocalDate day,
    java.time.Instant hour,
    List<Comment> comments) {

  public CommentsChanged {
    comments = List.copyOf(comments);
  }

  /** The event for an opinion's revision at {@code now}: dated to the day, timed to the hour. */
  static CommentsChanged of(
      long consultationId,
      byte[] pseudonym,
      int revision,
      long unitId,
      @Nullable CitizenGroup group,
      Channel channel,
      java.time.Instant now,
      List<Comment> comments) {
    return new CommentsChanged(
        UUID.randomUUID(),
        consultationId,
        java.util.HexFormat.of().formatHex(pseudonym),
        revision,
        unitId,
        group,
        channel,
        LocalDate.ofInstant(now, vn.ykien.consultation.Consultation.ZONE),
        now.truncatedTo(java.time.temporal.ChronoUnit.HOURS),
        comments);
  }

  /**
   * One comment: on an item of the draft ({@code itemId}, with the stance the person chose), or
   * on the draft as a whole (both null).
   */
  public record Comment(@Nullable Long itemId, @Nullable Stance chosen, String text) {}
}
