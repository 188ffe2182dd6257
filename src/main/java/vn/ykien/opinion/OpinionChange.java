package vn.ykien.opinion;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.consultation.CitizenGroup;

/**
 * One submission or withdrawal as a log gives it to readers downstream: what the person is counted
 * by now and what they were counted by before this change. From the opinion log (content): placed
 * at the commune, with the answers, under the opinion's pseudonym. From the participation log
 * ({@link ParticipationLog}): placed at the lowest unit, without answers or pseudonym. Never the
 * citizen.
 *
 * @param author the opinion's pseudonym (hex): the same person within this consultation only;
 *     empty from the participation log
 * @param revision the revision of the opinion, or the person's change number in the participation
 *     log
 * @param now the standing after this change; null when it is a withdrawal
 * @param before the standing of the previous revision; null on a first opinion or after a
 *     withdrawal
 * @param day the change's day (content is never dated closer)
 */
public record OpinionChange(
    LogPosition position,
    long consultationId,
    String author,
    int revision,
    @Nullable Standing now,
    @Nullable Standing before,
    LocalDate day) {

  /**
   * Where, how and in which group a person is counted, with their answers.
   *
   * @param firstDay the day the person's participation began (revisions keep it)
   */
  public record Standing(
      long unitId, Channel channel, CitizenGroup group, LocalDate firstDay, List<CountedAnswer> answers) {
    public Standing {
      answers = List.copyOf(answers);
    }
  }

  /** One answer as counted: the item, the stance, whether it came with a comment. */
  public record CountedAnswer(long itemId, Stance stance, boolean commented) {}

  /**
   * One comment of a revision: on an item ({@code itemId}, with the stance chosen), or on the draft
   * as a whole (both null).
   */
  public record Comment(@Nullable Long itemId, @Nullable Stance chosen, String text) {}

  public boolean withdrawal() {
    return now == null;
  }
}
