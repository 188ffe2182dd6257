package vn.ykien.reporting.internal;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.Stance;

/**
 * Reporting's read model: participation and answers per unit at every level, channel and citizen
 * group. Written only by deltas a batch adds up ({@link Tallies}); read by pages without scanning
 * any raw row.
 */
@Repository
public class TallyStore {

  private final JdbcClient jdbc;

  TallyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A participation cell. Occupation is "" when the registry has none. */
  public record PeopleKey(
      long consultationId, long unitId, LocalDate day, Channel channel, String age, String sex, String occupation,
      int memberships) {}

  /** An answer cell. */
  public record AnswerKey(
      long consultationId, long unitId, long itemId, Stance stance, Channel channel, String age, String sex,
      String occupation) {}

  /** The headline cell: people per unit and channel. */
  public record TotalKey(long consultationId, long unitId, Channel channel) {}

  /** What a batch changes, added up per cell. */
  public static final class Deltas {
    final Map<PeopleKey, Long> people = new HashMap<>();
    final Map<TotalKey, Long> totals = new HashMap<>();
    final Map<AnswerKey, long[]> answers = new HashMap<>();

    public void person(PeopleKey key, long delta) {
      people.merge(key, delta, Long::sum);
      totals.merge(new TotalKey(key.consultationId(), key.unitId(), key.channel()), delta, Long::sum);
    }

    public void answer(AnswerKey key, long answers, long comments) {
      long[] cell = this.answers.computeIfAbsent(key, k -> new long[2]);
      cell[0] += answers;
      cell[1] += comments;
    }

    public boolean isEmpty() {
      return people.isEmpty() && answers.isEmpty();
    }
  }

  /** Adds the deltas to the tallies, one statement per table (cells that did not move are left). */
  public void add(Deltas deltas) {
    List<TotalKey> totalKeys = new ArrayList<>();
    List<Long> totalValues = new ArrayList<>();
    deltas.totals.forEach((key, value) -> {
      if (value != 0) {
        totalKeys.add(key);
        totalValues.add(value);
      }
    });
    if (!totalKeys.isEmpty()) {
      jdbc.sql(
              """
              insert into reporting.participation_total (consultation_id, unit_id, channel, people)
              select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[])
              on conflict (consultation_id, unit_id, channel)
              do update set people = participation_total.people + excluded.people
              """)
          .params(
              totalKeys.stream().map(TotalKey::consultationId).toArray(Long[]::new),
              totalKeys.stream().map(TotalKey::unitId).toArray(Long[]::new),
              totalKeys.stream().map(k -> k.channel().name()).toArray(String[]::new),
              totalValues.toArray(Long[]::new))
          .update();
    }
    List<PeopleKey> peopleKeys = new ArrayList<>();
    List<Long> peopleValues = new ArrayList<>();
    deltas.people.forEach((key, value) -> {
      if (value != 0) {
        peopleKeys.add(key);
        peopleValues.add(value);
      }
    });
    if (!peopleKeys.isEmpty()) {
      jdbc.sql(
              """
              insert into reporting.participation_count
                (consultation_id, unit_id, day, channel, age_band, sex, occupation, memberships, people)
              select c, u, d::date, ch, a, s, o, m, n
              from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::bigint[])
                as k(c, u, d, ch, a, s, o, m, n)
              on conflict (consultation_id, unit_id, channel, day, age_band, sex, occupation, memberships)
              do update set people = participation_count.people + excluded.people
              """)
          .params(
              peopleKeys.stream().map(PeopleKey::consultationId).toArray(Long[]::new),
              peopleKeys.stream().map(PeopleKey::unitId).toArray(Long[]::new),
              peopleKeys.stream().map(k -> k.day().toString()).toArray(String[]::new),
              peopleKeys.stream().map(k -> k.channel().name()).toArray(String[]::new),
              peopleKeys.stream().map(PeopleKey::age).toArray(String[]::new),
              peopleKeys.stream().map(PeopleKey::sex).toArray(String[]::new),
              peopleKeys.stream().map(PeopleKey::occupation).toArray(String[]::new),
              peopleKeys.stream().map(PeopleKey::memberships).toArray(Integer[]::new),
              peopleValues.toArray(Long[]::new))
          .update();
    }
    List<AnswerKey> answerKeys = new ArrayList<>();
    List<long[]> answerValues = new ArrayList<>();
    deltas.answers.forEach((key, value) -> {
      if (value[0] != 0 || value[1] != 0) {
        answerKeys.add(key);
        answerValues.add(value);
      }
    });
    if (!answerKeys.isEmpty()) {
      jdbc.sql(
              """
              insert into reporting.answer_count
                (consultation_id, unit_id, item_id, stance, channel, age_band, sex, occupation, answers, comments)
              select * from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                                   ?::text[], ?::bigint[], ?::bigint[])
              on conflict (consultation_id, unit_id, item_id, stance, channel, age_band, sex, occupation)
              do update set answers = answer_count.answers + excluded.answers,
                            comments = answer_count.comments + excluded.comments
              """)
          .params(
              answerKeys.stream().map(AnswerKey::consultationId).toArray(Long[]::new),
              answerKeys.stream().map(AnswerKey::unitId).toArray(Long[]::new),
              answerKeys.stream().map(AnswerKey::itemId).toArray(Long[]::new),
              answerKeys.stream().map(k -> k.stance().name()).toArray(String[]::new),
              answerKeys.stream().map(k -> k.channel().name()).toArray(String[]::new),
              answerKeys.stream().map(AnswerKey::age).toArray(String[]::new),
              answerKeys.stream().map(AnswerKey::sex).toArray(String[]::new),
              answerKeys.stream().map(AnswerKey::occupation).toArray(String[]::new),
              answerValues.stream().map(v -> v[0]).toArray(Long[]::new),
              answerValues.stream().map(v -> v[1]).toArray(Long[]::new))
          .update();
    }
  }

  /** People per channel in each of these units (each unit's whole subtree). */
  public Map<Long, Map<Channel, Long>> participants(long consultationId, List<Long> unitIds) {
    Map<Long, Map<Channel, Long>> counts = new HashMap<>();
    jdbc.sql(
            """
            select unit_id, channel, people from reporting.participation_total
            where consultation_id = ? and unit_id = any(?::bigint[])
            """)
        .params(consultationId, unitIds.toArray(Long[]::new))
        .query(
            (ResultSet rs) -> {
              counts.computeIfAbsent(rs.getLong(1), u -> new EnumMap<>(Channel.class))
                  .put(Channel.valueOf(rs.getString(2)), rs.getLong(3));
            });
    return counts;
  }

  /** People of one unit (its whole subtree) per day they first took part and channel. */
  public void peopleByDay(long consultationId, long unitId, PeopleRow<LocalDate> row) {
    jdbc.sql(
            """
            select day, channel, sum(people) from reporting.participation_count
            where consultation_id = ? and unit_id = ?
            group by day, channel
            """)
        .params(consultationId, unitId)
        .query((ResultSet rs) -> row.accept(rs.getObject(1, LocalDate.class), Channel.valueOf(rs.getString(2)), rs.getLong(3)));
  }

  /**
   * People of one unit (its whole subtree) per citizen group and channel: the key is age band,
   * sex, occupation ("" for none) and the membership bits.
   */
  public void peopleByGroup(long consultationId, long unitId, PeopleRow<GroupKey> row) {
    jdbc.sql(
            """
            select age_band, sex, occupation, memberships, channel, sum(people) from reporting.participation_count
            where consultation_id = ? and unit_id = ?
            group by age_band, sex, occupation, memberships, channel
            """)
        .params(consultationId, unitId)
        .query(
            (ResultSet rs) ->
                row.accept(
                    new GroupKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
                    Channel.valueOf(rs.getString(5)),
                    rs.getLong(6)));
  }

  /** A citizen group as the participation tallies key it. */
  public record GroupKey(String ageBand, String sex, String occupation, int memberships) {}

  /** Receives one counted row: a key, a channel and the people in it. */
  @FunctionalInterface
  public interface PeopleRow<K> {
    void accept(K key, Channel channel, long people);
  }

  /** Eligible people in each of these units: {at opening (or null), now}. */
  /** Every unit with denominators, and its people eligible at opening (null when none frozen). */
  public Map<Long, @Nullable Long> eligibleAtOpening(long consultationId) {
    Map<Long, @Nullable Long> counts = new HashMap<>();
    jdbc.sql("select unit_id, at_opening from reporting.eligible_count where consultation_id = ?")
        .param(consultationId)
        .query(
            (ResultSet rs) -> {
              long atOpening = rs.getLong(2);
              counts.put(rs.getLong(1), rs.wasNull() ? null : atOpening);
            });
    return counts;
  }

  public Map<Long, Long[]> eligible(long consultationId, List<Long> unitIds) {
    Map<Long, Long[]> counts = new HashMap<>();
    jdbc.sql(
            """
            select unit_id, at_opening, now from reporting.eligible_count
            where consultation_id = ? and unit_id = any(?::bigint[])
            """)
        .params(consultationId, unitIds.toArray(Long[]::new))
        .query(
            (ResultSet rs) -> {
              long atOpening = rs.getLong(2);
              counts.put(rs.getLong(1), new Long[] {rs.wasNull() ? null : atOpening, rs.getLong(3)});
            });
    return counts;
  }

  /** Answers per stance and age band on one item in one unit (its whole subtree). */
  public Map<String, Map<Stance, Long>> stancesByAge(long consultationId, long unitId, long itemId) {
    Map<String, Map<Stance, Long>> table = new HashMap<>();
    jdbc.sql(
            """
            select age_band, stance, sum(answers) from reporting.answer_count
            where consultation_id = ? and unit_id = ? and item_id = ?
            group by age_band, stance
            """)
        .params(consultationId, unitId, itemId)
        .query(
            (ResultSet rs) -> {
              table.computeIfAbsent(rs.getString(1), a -> new EnumMap<>(Stance.class))
                  .put(Stance.valueOf(rs.getString(2)), rs.getLong(3));
            });
    return table;
  }

  /** Removes every tally of a consultation (before a recount writes them again). */
  public void clear(long consultationId) {
    for (String table : List.of("participation_total", "participation_count", "answer_count")) {
      jdbc.sql("delete from reporting." + table + " where consultation_id = ?").param(consultationId).update();
    }
  }

  /** Every non-zero cell of a consultation's tallies, as text, for comparing two states. */
  public Map<String, Long> cells(long consultationId) {
    Map<String, Long> cells = new HashMap<>();
    jdbc.sql("select 'T|' || unit_id || '|' || channel, people from reporting.participation_total where consultation_id = ? and people <> 0")
        .param(consultationId)
        .query((ResultSet rs) -> { cells.put(rs.getString(1), rs.getLong(2)); });
    jdbc.sql(
            """
            select concat_ws('|', 'P', unit_id, day, channel, age_band, sex, occupation, memberships), people
            from reporting.participation_count where consultation_id = ? and people <> 0
            """)
        .param(consultationId)
        .query((ResultSet rs) -> { cells.put(rs.getString(1), rs.getLong(2)); });
    jdbc.sql(
            """
            select concat_ws('|', 'A', unit_id, item_id, stance, channel, age_band, sex, occupation), answers, comments
            from reporting.answer_count where consultation_id = ? and (answers <> 0 or comments <> 0)
            """)
        .param(consultationId)
        .query((ResultSet rs) -> {
          cells.put(rs.getString(1) + "|answers", rs.getLong(2));
          cells.put(rs.getString(1) + "|comments", rs.getLong(3));
        });
    return cells;
  }
}
