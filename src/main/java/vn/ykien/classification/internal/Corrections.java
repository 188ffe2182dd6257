package vn.ykien.classification.internal;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.classification.CommentStance;
import vn.ykien.classification.CommentTallies;
import vn.ykien.classification.text.TextClassifier.Example;

/**
 * Analysts' corrections of the stance model's labels: kept beside the model's own label (both
 * stay visible), and the training data of the next model.
 */
@Component
public class Corrections {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int k;
  private final CommentTallies tallies;

  Corrections(
      JdbcClient jdbc,
      Clock clock,
      CommentTallies tallies,
      @org.springframework.beans.factory.annotation.Value("${ykien.results.minimum-group:10}") int k) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tallies = tallies;
    this.k = k;
  }

  /** The outcome of correcting a label. */
  public sealed interface Outcome {
    record Corrected(long commentId, CommentStance stance) implements Outcome {}

    record UnknownComment(long commentId) implements Outcome {}

    /** UNCLEAR is given by rules (nothing to read, another script), never by an analyst. */
    record NotAStance(CommentStance stance) implements Outcome {}
  }

  /**
   * Corrects the stance of a wording: every comment of the consultation with exactly the text of
   * the given one, and those that arrive later with it. Only a wording at least k people sent
   * within the analyst's unit ({@code unitPath}, the unit's materialised path) can be corrected:
   * one person's comment is as unknown as one that does not exist, or correcting it and comparing
   * the results would tell what that person said.
   */
  @Transactional
  public Outcome correctStance(long commentId, CommentStance stance, String analyst, String unitPath) {
    if (stance == CommentStance.UNCLEAR) {
      return new Outcome.NotAStance(stance);
    }
    record Changed(long consultationId, String author) {}
    List<Changed> changed =
        jdbc.sql(
                """
                with wording as (
                  select w.consultation_id, w.text from classification.comment w
                  where w.id = :comment and w.unit_path like :path
                    and (select count(distinct o.author) from classification.comment o
                         where o.consultation_id = w.consultation_id and o.text = w.text
                           and o.unit_path like :path) >= :k)
                update classification.comment c
                set corrected_stance = :stance, corrected_by = :analyst, corrected_at = :at
                from wording
                where c.consultation_id = wording.consultation_id and c.text = wording.text
                returning c.consultation_id, c.author
                """)
            .param("stance", stance.name())
            .param("analyst", analyst)
            .param("at", Timestamp.from(clock.instant()))
            .param("comment", commentId)
            .param("path", unitPath + "%")
            .param("k", k)
            .query((rs, n) -> new Changed(rs.getLong(1), rs.getString(2)))
            .list();
    if (changed.isEmpty()) {
      return new Outcome.UnknownComment(commentId);
    }
    // The corrected stance moves these people's counts.
    tallies.retally(changed.getFirst().consultationId(), changed.stream().map(Changed::author).toList());
    return new Outcome.Corrected(commentId, stance);
  }

  /**
   * A wording whose label the model is least sure of, for an analyst to review: the wording only,
   * with how many comments share it (copies of one text are reviewed once). Only wordings that at
   * least k people sent: a text one person wrote is never shown to an official, or a phrase
   * someone was told to write would prove they wrote it.
   */
  public record ToReview(long id, String text, CommentStance stance, double confidence, int comments) {}

  /** The least certain labels within a unit, not yet corrected, least certain first, one per wording. */
  public List<ToReview> leastCertain(long consultationId, String unitPath, int limit) {
    return jdbc.sql(
            """
            select min(id) as id, text, min(stance) as stance,
                   min(stance_confidence) as confidence, count(*) as comments
            from classification.comment
            where consultation_id = ? and unit_path like ? and corrected_stance is null
              and unclear is null
            group by text
            having count(distinct author) >= ?
            order by confidence, id limit ?
            """)
        .params(consultationId, unitPath + "%", k, limit)
        .query((rs, n) -> new ToReview(rs.getLong("id"), rs.getString("text"),
            CommentStance.valueOf(rs.getString("stance")), rs.getDouble("confidence"), rs.getInt("comments")))
        .list();
  }

  /** The outcome of adding an analyst's keyword to an item. */
  public sealed interface KeywordOutcome {
    record Added(long itemId, String keyword) implements KeywordOutcome {}

    record AlreadyThere(long itemId, String keyword) implements KeywordOutcome {}

    /** Empty after normalisation, longer than 80 characters, or without any letter. */
    record Unusable(String keyword) implements KeywordOutcome {}
  }

  /** Adds a keyword that leads comments to the item; the labels follow at the next re-classification. */
  @Transactional
  public KeywordOutcome addKeyword(long itemId, String keyword, String analyst) {
    String normal = vn.ykien.classification.text.VietnameseText.normalise(keyword).toLowerCase(java.util.Locale.ROOT);
    if (normal.isEmpty() || normal.length() > 80
        || vn.ykien.classification.text.Syllables.ofNormalised(normal).isEmpty()) {
      return new KeywordOutcome.Unusable(keyword);
    }
    int added =
        jdbc.sql(
                """
                insert into classification.item_keyword (item_id, keyword, added_by) values (?, ?, ?)
                on conflict do nothing
                """)
            .params(itemId, normal, analyst)
            .update();
    return added == 1
        ? new KeywordOutcome.Added(itemId, normal)
        : new KeywordOutcome.AlreadyThere(itemId, normal);
  }

  /** Every corrected wording once as a training example, oldest correction first. */
  public List<Example> stanceExamples() {
    return jdbc.sql(
            """
            select text, corrected_stance from (
              select distinct on (text) text, corrected_stance, corrected_at, id
              from classification.comment where corrected_stance is not null
              order by text, corrected_at desc, id) latest
            order by corrected_at, id
            """)
        .query((rs, row) -> new Example(rs.getString(1), rs.getString(2)))
        .list();
  }
}
