package vn.ykien.opinion.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Stance;

/**
 * The opinion form as posted: {@code stance-<item id>} and {@code comment-<item id>} per item.
 * Blank comments are no comment; unknown stance values are left unanswered.
 */
record OpinionForm(List<Row> rows, @Nullable String generalComment, @Nullable String assist) {

  /** The support point's code, when an officer helps the citizen (carried through the review). */
  static final String ASSIST = "assist";

  static final String GENERAL_COMMENT = "generalComment";

  /** One item with what the citizen chose on it so far. */
  record Row(DraftItem item, @Nullable Stance stance, @Nullable String comment) {}

  static OpinionForm from(List<DraftItem> items, Map<String, String> params) {
    List<Row> rows = new ArrayList<>();
    for (DraftItem item : items) {
      rows.add(new Row(item, Stance.parse(params.get("stance-" + item.id())).orElse(null), comment(params.get("comment-" + item.id()))));
    }
    return new OpinionForm(rows, comment(params.get(GENERAL_COMMENT)), comment(params.get(ASSIST)));
  }

  /** The "approve the whole draft" shortcut: every item approved, any comment typed kept. */
  OpinionForm approvingEverything() {
    return new OpinionForm(
        rows.stream().map(row -> new Row(row.item(), Stance.APPROVE, row.comment())).toList(), generalComment, assist);
  }

  static OpinionForm of(List<DraftItem> items, List<Answer> answers, @Nullable String generalComment) {
    List<Row> rows = new ArrayList<>();
    for (DraftItem item : items) {
      Answer answer = answers.stream().filter(a -> a.itemId() == item.id()).findFirst().orElse(null);
      rows.add(new Row(item, answer == null ? null : answer.stance(), answer == null ? null : answer.comment()));
    }
    return new OpinionForm(rows, generalComment, null);
  }

  OpinionForm assistedWith(@Nullable String code) {
    return new OpinionForm(rows, generalComment, comment(code));
  }

  boolean complete() {
    return rows.stream().allMatch(row -> row.stance() != null);
  }

  /** Every "partly agree" says with which part. */
  boolean partlyExplained() {
    return rows.stream().allMatch(row -> row.stance() == null || !row.stance().needsText() || row.comment() != null);
  }

  /** The answered rows as answers; unanswered items are left out (the submission rejects that). */
  List<Answer> answers() {
    return rows.stream()
        .filter(row -> row.stance() != null)
        .map(row -> new Answer(row.item().id(), row.stance(), row.comment()))
        .toList();
  }

  private static @Nullable String comment(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String normalized = value.replace("\r\n", "\n").strip();
    return normalized.isEmpty() ? null : normalized;
  }
}
