package vn.ykien.opinion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The participation log, as readers downstream read it: who took part where (the lowest unit),
 * how and in which group, in the order their transactions can no longer change, each change with
 * the person's standing before it. Written in the submission's transaction beside the
 * participation row; it carries no pseudonym and no answer, so it does not lead to what anyone
 * said (issue 12). Changes reach readers as {@link OpinionChange}s with an empty author and no
 * answers. Reads run in the caller's transaction.
 */
@Service
public class ParticipationLog {

  private final JdbcClient jdbc;
  private final LogHorizon horizon;

  ParticipationLog(JdbcClient jdbc, LogHorizon horizon) {
    this.jdbc = jdbc;
    this.horizon = horizon;
  }

  /** The next changes after a position, at most {@code limit}, as {@link OpinionLog#after}. */
  public List<OpinionChange> after(LogPosition position, int limit) {
    long horizon = this.horizon.now();
    List<OpinionChange> changes = new ArrayList<>();
    jdbc.sql(
            """
            select l.xid::text, l.id, l.consultation_id, l.seq, l.day,
                   l.withdrawn, l.unit_id, l.channel, l.age_band, l.sex, l.occupation, l.memberships, l.first_day,
                   p.withdrawn, p.unit_id, p.channel, p.age_band, p.sex, p.occupation, p.memberships, p.first_day
            from opinion.participation_log l
            left join opinion.participation_log p
              on p.consultation_id = l.consultation_id and p.citizen_id = l.citizen_id and p.seq = l.seq - 1
            where (l.xid, l.id) > (?::xid8, ?) and l.xid < ?::xid8
            order by l.xid, l.id
            limit ?
            """)
        .params(Long.toUnsignedString(position.xid()), position.id(), Long.toUnsignedString(horizon), limit)
        .query(
            (java.sql.ResultSet rs) -> {
              changes.add(
                  new OpinionChange(
                      new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)),
                      rs.getLong(3),
                      "",
                      rs.getInt(4),
                      standing(OpinionLog.head(rs, 6)),
                      standing(OpinionLog.head(rs, 14)),
                      rs.getObject(5, LocalDate.class)));
            });
    return changes;
  }

  private static OpinionChange.@Nullable Standing standing(OpinionLog.@Nullable Head head) {
    return head == null
        ? null
        : new OpinionChange.Standing(head.unitId(), head.channel(), head.group(), head.firstDay(), List.of());
  }

  /** The position of the last change in the log (of any transaction that has committed). */
  public LogPosition head() {
    return horizon.head("opinion.participation_log");
  }

  /** How many changes lie after a position, counting at most {@code cap}. */
  public long pendingAfter(LogPosition position, long cap) {
    return horizon.pendingAfter("opinion.participation_log", position, cap);
  }

  /**
   * Everyone taking part in a consultation as of a position, counted per lowest unit, first day,
   * channel and group into a table of the caller's (set-based, for a recount): each person's latest
   * change up to the position, unless it is a withdrawal. Occupation is "" where the registry has
   * none. The table has the columns
   * {@code (unit_id, day, channel, age_band, sex, occupation, memberships, people)}.
   */
  public void countPeopleInto(long consultationId, LogPosition upTo, String peopleTable) {
    if (!peopleTable.matches("[a-z_]+")) {
      throw new IllegalArgumentException(peopleTable);
    }
    jdbc.sql(
            """
            with latest as (
              select distinct on (citizen_id) * from opinion.participation_log
              where consultation_id = ? and (xid, id) <= (?::xid8, ?)
              order by citizen_id, seq desc)
            insert into\s"""
                + peopleTable
                + """
             (unit_id, day, channel, age_band, sex, occupation, memberships, people)
            select unit_id, first_day, channel, age_band, sex, coalesce(occupation, ''), memberships, count(*)
            from latest where not withdrawn
            group by unit_id, first_day, channel, age_band, sex, coalesce(occupation, ''), memberships
            """)
        .params(consultationId, Long.toUnsignedString(upTo.xid()), upTo.id())
        .update();
  }

  /**
   * Everyone taking part in a consultation before a time, as {@link #countPeopleInto} counts them:
   * each person's latest change of an hour before {@code before}, unless it is a withdrawal. The
   * log keeps the hour of each change, so {@code before} must be a whole hour (a daily cut-off);
   * a transaction that began before it and committed later is counted if it has committed.
   */
  public void countPeopleBefore(long consultationId, java.time.Instant before, String peopleTable) {
    if (!peopleTable.matches("[a-z_]+")) {
      throw new IllegalArgumentException(peopleTable);
    }
    if (before.getEpochSecond() % 3600 != 0 || before.getNano() != 0) {
      throw new IllegalArgumentException("a cut-off is a whole hour: " + before);
    }
    jdbc.sql(
            """
            with latest as (
              select distinct on (citizen_id) * from opinion.participation_log
              where consultation_id = ? and hour < ?
              order by citizen_id, seq desc)
            insert into\s"""
                + peopleTable
                + """
             (unit_id, day, channel, age_band, sex, occupation, memberships, people)
            select unit_id, first_day, channel, age_band, sex, coalesce(occupation, ''), memberships, count(*)
            from latest where not withdrawn
            group by unit_id, first_day, channel, age_band, sex, coalesce(occupation, ''), memberships
            """)
        .params(consultationId, java.sql.Timestamp.from(before))
        .update();
  }

  /** One unit where someone took part in a consultation, at any time; empty when nobody has. */
  public java.util.Optional<Long> anyUnit(long consultationId) {
    return jdbc.sql("select unit_id from opinion.participation_log where consultation_id = ? and unit_id is not null limit 1")
        .param(consultationId)
        .query(Long.class)
        .optional();
  }

  /** The lowest units that appear in a consultation's participation log. */
  public List<Long> units(long consultationId) {
    return jdbc.sql(
            "select distinct unit_id from opinion.participation_log where consultation_id = ? and unit_id is not null")
        .param(consultationId)
        .query(Long.class)
        .list();
  }

  /** The consultations that appear in the participation log. */
  public List<Long> consultations() {
    return jdbc.sql("select distinct consultation_id from opinion.participation_log").query(Long.class).list();
  }
}
