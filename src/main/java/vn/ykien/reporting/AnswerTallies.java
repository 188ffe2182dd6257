package vn.ykien.reporting;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.Stance;

/**
 * The answer tallies as they stand, one item at a time, for whoever publishes results from them:
 * answers per unit (commune and up), stance, channel and group, never anything about one person.
 */
@Service
public class AnswerTallies {

  /** Answers in one cell of the tallies; occupation is "" when the registry gives none. */
  public record Cell(long unitId, Stance stance, Channel channel, String age, String sex, String occupation, long answers) {}

  private final JdbcClient jdbc;

  AnswerTallies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether any answer of the consultation is counted. */
  @Transactional(readOnly = true)
  public boolean any(long consultationId) {
    return jdbc.sql("select exists (select 1 from reporting.answer_count where consultation_id = ? and answers > 0)")
        .param(consultationId)
        .query(Boolean.class)
        .single();
  }

  /** Every cell of one item with answers in it. */
  @Transactional(readOnly = true)
  public List<Cell> of(long consultationId, long itemId) {
    return jdbc.sql(
            """
            select unit_id, stance, channel, age_band, sex, occupation, answers
            from reporting.answer_count
            where consultation_id = ? and item_id = ? and answers > 0
            """)
        .params(consultationId, itemId)
        .query(
            (rs, n) ->
                new Cell(
                    rs.getLong(1),
                    Stance.valueOf(rs.getString(2)),
                    Channel.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getLong(7)))
        .list();
  }
}
