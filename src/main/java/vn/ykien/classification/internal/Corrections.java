package vn.ykien.classification.internal;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.classification.CommentStance;
import vn.ykien.classification.text.TextClassifier.Example;

/**
 * Analysts' corrections of the stance model's labels: kept beside the model's own label (both
 * stay visible), and the training data of the next model.
 */
@Component
public class Corrections {

  private final JdbcClient jdbc;
  private final Clock clock;

  Corrections(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The outcome of correcting a label. */
  public sealed interface Outcome {
    record Corrected(long commentId, CommentStance stance) implements Outcome {}

    record UnknownComment(long commentId) implements Outcome {}

    /** UNCLEAR is given by rules (nothing to read, another script), never by an analyst. */
    record NotAStance(CommentStance stance) implements Outcome {}
  }

  @Transactional
  public Outcome correctStance(long commentId, CommentStance stance, String analyst) {
    if (stance == CommentStance.UNCLEAR) {
      return new Outcome.NotAStance(stance);
    }
    int changed =
        jdbc.sql(
                """
                update classification.comment
                set corrected_stance = ?, corrected_by = ?, corrected_at = ?
                where id = ?
                """)
            .params(stance.name(), analyst, Timestamp.from(clock.instant()), commentId)
            .update();
    return changed == 0 ? new Outcome.UnknownComment(commentId) : new Outcome.Corrected(commentId, stance);
  }

  /** Every corrected comment as a training example, oldest correction first. */
  public List<Example> stanceExamples() {
    return jdbc.sql(
            """
            select text, corrected_stance from classification.comment
            where corrected_stance is not null order by corrected_at, id
            """)
        .query((rs, row) -> new Example(rs.getString(1), rs.getString(2)))
        .list();
  }
}
