package vn.ykien.opinion.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.Stance;
import vn.ykien.shared.CitizenId;

/** Participation rows and pseudonymous answers. */
@Repository
public class OpinionStore {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  OpinionStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** The participation row, locked for this transaction. */
  public record Participation(Channel channel, int revisions) {}

  public Optional<Participation> lockParticipation(long consultationId, CitizenId citizen) {
    return jdbc.sql(
            "select channel, revisions from opinion.participation"
                + " where consultation_id = ? and citizen_id = ? for update")
        .params(consultationId, citizen.value())
        .query((rs, row) -> new Participation(Channel.valueOf(rs.getString(1)), rs.getInt(2)))
        .optional();
  }

  /** Inserts the first participation; false when a concurrent request inserted it first. */
  public boolean insertParticipation(
      long consultationId, CitizenId citizen, long unitId, Channel channel, Instant at, String receipt) {
    return jdbc.sql(
                """
                insert into opinion.participation (consultation_id, citizen_id, unit_id, channel,
                  first_submitted_at, last_submitted_at, revisions, receipt_number)
                values (?, ?, ?, ?, ?, ?, 1, ?)
                on conflict (consultation_id, citizen_id) do nothing
                """)
            .params(consultationId, citizen.value(), unitId, channel.name(), utc(at), utc(at), receipt)
            .update()
        == 1;
  }

  public void reviseParticipation(
      long consultationId, CitizenId citizen, long unitId, Channel channel, Instant at, String receipt) {
    jdbc.sql(
            """
            update opinion.participation
            set unit_id = ?, channel = ?, last_submitted_at = ?, revisions = revisions + 1,
                receipt_number = ?
            where consultation_id = ? and citizen_id = ?
            """)
        .params(unitId, channel.name(), utc(at), receipt, consultationId, citizen.value())
        .update();
  }

  /** Replaces the current answers and appends them to the history. */
  public void writeAnswers(
      long consultationId, byte[] pseudonym, int revision, List<Answer> answers, Instant at) {
    Timestamp time = Timestamp.from(at);
    template.batchUpdate(
        """
        insert into opinion.answer
          (consultation_id, pseudonym, item_id, stance, comment, revision, submitted_at)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (consultation_id, pseudonym, item_id) do update set
          stance = excluded.stance, comment = excluded.comment, revision = excluded.revision,
          submitted_at = excluded.submitted_at
        """,
        answers,
        answers.size(),
        (ps, answer) -> {
          ps.setLong(1, consultationId);
          ps.setBytes(2, pseudonym);
          ps.setLong(3, answer.itemId());
          ps.setString(4, answer.stance().name());
          ps.setString(5, answer.comment());
          ps.setInt(6, revision);
          ps.setTimestamp(7, time);
        });
    template.batchUpdate(
        """
        insert into opinion.answer_revision
          (consultation_id, pseudonym, item_id, revision, stance, comment, submitted_at)
        values (?, ?, ?, ?, ?, ?, ?)
        """,
        answers,
        answers.size(),
        (ps, answer) -> {
          ps.setLong(1, consultationId);
          ps.setBytes(2, pseudonym);
          ps.setLong(3, answer.itemId());
          ps.setInt(4, revision);
          ps.setString(5, answer.stance().name());
          ps.setString(6, answer.comment());
          ps.setTimestamp(7, time);
        });
  }

  public List<Answer> currentAnswers(long consultationId, byte[] pseudonym) {
    return jdbc.sql(
            "select item_id, stance, comment from opinion.answer"
                + " where consultation_id = ? and pseudonym = ? order by item_id")
        .params(consultationId, pseudonym)
        .query(
            (rs, row) ->
                new Answer(rs.getLong(1), Stance.valueOf(rs.getString(2)), rs.getString(3)))
        .list();
  }

  /** The latest receipt of a participant, with the number of submissions so far. */
  public record LatestReceipt(String number, Instant issuedAt, int revisions) {}

  public Optional<LatestReceipt> latestReceipt(long consultationId, CitizenId citizen) {
    return jdbc.sql(
            "select receipt_number, last_submitted_at, revisions from opinion.participation"
                + " where consultation_id = ? and citizen_id = ?")
        .params(consultationId, citizen.value())
        .query(
            (rs, row) ->
                new LatestReceipt(
                    rs.getString(1),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getInt(3)))
        .optional();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
