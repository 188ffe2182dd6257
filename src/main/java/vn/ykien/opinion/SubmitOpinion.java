package vn.ykien.opinion;

import org.jspecify.annotations.Nullable;
import java.util.List;
import vn.ykien.shared.CitizenId;

/**
 * A citizen's opinion on every item of a consultation's draft.
 *
 * @param signedInLevel the assurance level asserted by the citizen's e-ID token (unused on paper)
 * @param assistance how it reached the platform and who helped
 * @param generalComment a comment on the whole draft, or null
 * @param idempotencyKey the caller's key for this request (API {@code Idempotency-Key}): the same
 *     key again gets the first answer back instead of a second revision; null when not given
 */
public record SubmitOpinion(
    long consultationId,
    CitizenId citizen,
    int signedInLevel,
    Assistance assistance,
    List<Answer> answers,
    @Nullable String generalComment,
    @Nullable String idempotencyKey) {

  public SubmitOpinion(
      long consultationId, CitizenId citizen, int signedInLevel, Assistance assistance, List<Answer> answers) {
    this(consultationId, citizen, signedInLevel, assistance, answers, null, null);
  }

  public Channel channel() {
    return assistance.channel();
  }

  /** The answers in one canonical text (by item), for the idempotency fingerprint. */
  String canonicalAnswers() {
    StringBuilder text = new StringBuilder();
    answers.stream()
        .sorted(java.util.Comparator.comparingLong(Answer::itemId))
        .forEach(
            answer -> {
              String comment = answer.comment() == null ? "" : answer.comment();
              text.append(answer.itemId()).append('|').append(answer.stance().name()).append('|')
                  .append(comment.length()).append('|').append(comment).append('\n');
            });
    String general = generalComment == null ? "" : generalComment;
    text.append("general|").append(general.length()).append('|').append(general).append('\n');
    return text.toString();
  }
}
