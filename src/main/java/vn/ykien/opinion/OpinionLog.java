package vn.ykien.opinion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.ykien.consultation.CitizenGroup;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Sex;

/**
 * The opinion log, as readers downstream read it: every submission and withdrawal in the order
 * their transactions can no longer change, each with what the person is counted by now and
 * before. Reads run in the caller's transaction.
 */
@Service
public class OpinionLog {

  private final JdbcClient jdbc;

  OpinionLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The next changes after a position, at most {@code limit}, in the order of (transaction id, row
   * id): only those of transactions older than every writer of the log still running (a writer
   * declares itself before its first write, see {@code OpinionStore.joinLogWriters}), so that no
   * change committed later can come before them. Other long transactions (an import) never hold
   * the readers back.
   */
  public List<OpinionChange> after(LogPosition position, int limit) {
    // In its own statement, before the rows are read: a writer that ends in between is then seen.
    long horizon = horizon();
    if (horizon <= 0) {
      throw new IllegalStateException("no horizon to read the opinion log up to: " + horizon);
    }
    record Row(
        LogPosition position, long consultationId, byte[] pseudonym, int revision, LocalDate day,
        java.time.Instant hour, @Nullable Head now, @Nullable Head before) {}
    List<Row> rows =
        jdbc.sql(
                """
                select l.xid::text, l.id, l.consultation_id, l.pseudonym, l.revision, l.day, l.hour,
                       l.withdrawn, l.unit_id, l.channel, l.age_band, l.sex, l.occupation, l.memberships, l.first_day,
                       p.withdrawn, p.unit_id, p.channel, p.age_band, p.sex, p.occupation, p.memberships, p.first_day
                from opinion.change_log l
                left join opinion.change_log p
                  on p.consultation_id = l.consultation_id and p.pseudonym = l.pseudonym and p.revision = l.revision - 1
                where (l.xid, l.id) > (?::xid8, ?) and l.xid < ?::xid8
                order by l.xid, l.id
                limit ?
                """)
            .params(Long.toUnsignedString(position.xid()), position.id(), Long.toUnsignedString(horizon), limit)
            .query(
                (rs, n) ->
                    new Row(
                        new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)),
                        rs.getLong(3),
                        rs.getBytes(4),
                        rs.getInt(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, OffsetDateTime.class).toInstant(),
                        head(rs, 8),
                        head(rs, 16)))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<OpinionChange.CountedAnswer>> answers = answers(rows.stream()
        .flatMap(row -> java.util.stream.Stream.of(
            row.now() == null ? null : new Revision(row.consultationId(), row.pseudonym(), row.revision()),
            row.before() == null ? null : new Revision(row.consultationId(), row.pseudonym(), row.revision() - 1)))
        .filter(java.util.Objects::nonNull)
        .toList());
    List<OpinionChange> changes = new ArrayList<>(rows.size());
    for (Row row : rows) {
      String author = HexFormat.of().formatHex(row.pseudonym());
      changes.add(
          new OpinionChange(
              row.position(),
              row.consultationId(),
              author,
              row.revision(),
              standing(row.now(), answers.get(key(row.consultationId(), author, row.revision()))),
              standing(row.before(), answers.get(key(row.consultationId(), author, row.revision() - 1))),
              row.day(),
              row.hour()));
    }
    return changes;
  }

  /**
   * The oldest transaction id a change may still come from: the smallest of the running log
   * writers' ids (a 32-bit id widened with the epoch of the snapshot's xmin: a running id is never
   * below it, while it may well be above the snapshot's xmax), or the snapshot's xmax.
   *
   * <p>A writer's id is read from its backend ({@code pg_stat_activity.backend_xid}, set when the id
   * is assigned), not from the lock it takes on its own id, which is inserted a moment later and
   * waits while {@code pg_locks} is being read. Order of reads: the snapshot, then the advisory
   * locks, then the backends' ids; a writer whose id came after the snapshot has an id at or above
   * its xmax. (A reader that passes a writer still running skips its change for good: the
   * concurrent-submissions test and bench/crash-kill.sh find it.)
   */
  private long horizon() {
    jdbc.sql("select pg_stat_clear_snapshot()").query().singleValue();
    return jdbc.sql(
            """
            with snapshot as materialized (
              select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as lo,
                     pg_snapshot_xmax(pg_current_snapshot())::text::bigint as hi),
            holders as materialized (
              select a.pid from pg_locks a
              where a.locktype = 'advisory' and a.classid = ? and a.objid = ? and a.objsubid = 2 and a.granted),
            writers as (
              -- a running id is at or above the snapshot's xmin: widen it with xmin's epoch, or the next
              select case when ((s.lo >> 32) << 32) | w.xid32 >= s.lo then ((s.lo >> 32) << 32) | w.xid32
                          else (((s.lo >> 32) + 1) << 32) | w.xid32 end as xid
              from (select h.pid, a.backend_xid::text::bigint as xid32
                    from holders h join pg_stat_activity a on a.pid = h.pid
                    where a.backend_xid is not null) w
              cross join snapshot s)
            select least((select hi from snapshot), (select min(xid) from writers))
            """)
        .params(vn.ykien.opinion.internal.OpinionStore.LOG_LOCK_CLASS, vn.ykien.opinion.internal.OpinionStore.LOG_LOCK_OBJECT)
        .query(Long.class)
        .single();
  }

  /** The comments of each change's revision (none for a withdrawal), by the change's position. */
  public Map<LogPosition, List<OpinionChange.Comment>> comments(List<OpinionChange> changes) {
    Map<String, LogPosition> byRevision = new HashMap<>();
    List<Long> consultations = new ArrayList<>();
    List<String> authors = new ArrayList<>();
    List<Integer> revisions = new ArrayList<>();
    Map<LogPosition, List<OpinionChange.Comment>> comments = new HashMap<>();
    for (OpinionChange change : changes) {
      comments.put(change.position(), new ArrayList<>());
      if (change.now() != null) {
        byRevision.put(key(change.consultationId(), change.author(), change.revision()), change.position());
        consultations.add(change.consultationId());
        authors.add(change.author());
        revisions.add(change.revision());
      }
    }
    if (consultations.isEmpty()) {
      return comments;
    }
    jdbc.sql(
            """
            select k.c, k.a, k.v, r.item_id, r.stance, r.comment, r.ord from (
              select consultation_id, pseudonym, revision, item_id, stance, comment, 0 as ord
              from opinion.answer_revision where comment is not null
              union all
              select consultation_id, pseudonym, revision, null, null, comment, 1
              from opinion.general_comment_revision where comment is not null) r
            join unnest(?::bigint[], ?::text[], ?::int[]) k(c, a, v)
              on r.consultation_id = k.c and r.pseudonym = decode(k.a, 'hex') and r.revision = k.v
            order by r.ord, r.item_id
            """)
        .params(
            consultations.toArray(Long[]::new), authors.toArray(String[]::new), revisions.toArray(Integer[]::new))
        .query(
            (ResultSet rs) -> {
              long itemId = rs.getLong(4);
              boolean onItem = !rs.wasNull();
              String text = rs.getString(6).strip();
              if (text.isEmpty()) {
                return;
              }
              LogPosition at = byRevision.get(key(rs.getLong(1), rs.getString(2), rs.getInt(3)));
              comments.get(at).add(
                  new OpinionChange.Comment(
                      onItem ? itemId : null, onItem ? Stance.valueOf(rs.getString(5)) : null, text));
            });
    return comments;
  }

  /** The position of the last change in the log (of any transaction that has committed). */
  public LogPosition head() {
    return jdbc.sql("select l.xid::text, l.id from opinion.change_log l order by l.xid desc, l.id desc limit 1")
        .query((rs, n) -> new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)))
        .optional()
        .orElse(LogPosition.START);
  }

  /** How many changes lie after a position, counting at most {@code cap}. */
  public long pendingAfter(LogPosition position, long cap) {
    return jdbc.sql(
            "select count(*) from (select 1 from opinion.change_log where (xid, id) > (?::xid8, ?) limit ?) pending")
        .params(Long.toUnsignedString(position.xid()), position.id(), cap)
        .query(Long.class)
        .single();
  }

  /**
   * Every current opinion of a consultation, as of a position, counted per lowest unit, channel
   * and group into two tables of the caller's (set-based, for a recount): the latest revision of
   * each pseudonym up to the position, unless it is a withdrawal. Occupation is "" where the
   * registry has none. The tables have the columns
   * {@code (unit_id, day, channel, age_band, sex, occupation, memberships, people)} and
   * {@code (unit_id, item_id, stance, channel, age_band, sex, occupation, answers, comments)}.
   */
  public void countCurrentInto(long consultationId, LogPosition upTo, String peopleTable, String answersTable) {
    if (!peopleTable.matches("[a-z_]+") || !answersTable.matches("[a-z_]+")) {
      throw new IllegalArgumentException(peopleTable + ", " + answersTable);
    }
    String latest =
        """
        with latest as (
          select distinct on (pseudonym) * from opinion.change_log
          where consultation_id = ? and (xid, id) <= (?::xid8, ?)
          order by pseudonym, revision desc)
        """;
    jdbc.sql(latest
            + "insert into " + peopleTable
            + """
             (unit_id, day, channel, age_band, sex, occupation, memberships, people)
            select unit_id, first_day, channel, age_band, sex, coalesce(occupation, ''), memberships, count(*)
            from latest where not withdrawn
            group by unit_id, first_day, channel, age_band, sex, coalesce(occupation, ''), memberships
            """)
        .params(consultationId, Long.toUnsignedString(upTo.xid()), upTo.id())
        .update();
    jdbc.sql(latest
            + "insert into " + answersTable
            + """
             (unit_id, item_id, stance, channel, age_band, sex, occupation, answers, comments)
            select l.unit_id, r.item_id, r.stance, l.channel, l.age_band, l.sex, coalesce(l.occupation, ''),
                   count(*), count(r.comment)
            from latest l
            join opinion.answer_revision r
              on r.consultation_id = l.consultation_id and r.pseudonym = l.pseudonym and r.revision = l.revision
            where not l.withdrawn
            group by l.unit_id, r.item_id, r.stance, l.channel, l.age_band, l.sex, coalesce(l.occupation, '')
            """)
        .params(consultationId, Long.toUnsignedString(upTo.xid()), upTo.id())
        .update();
  }

  /** The lowest units that appear in a consultation's log. */
  public List<Long> units(long consultationId) {
    return jdbc.sql("select distinct unit_id from opinion.change_log where consultation_id = ? and unit_id is not null")
        .param(consultationId)
        .query(Long.class)
        .list();
  }

  /** The consultations that appear in the log. */
  public List<Long> consultations() {
    return jdbc.sql("select distinct consultation_id from opinion.change_log").query(Long.class).list();
  }

  private record Revision(long consultationId, byte[] pseudonym, int revision) {}

  /** What a log row says a person is counted by. */
  private record Head(long unitId, Channel channel, CitizenGroup group, LocalDate firstDay) {}

  private static @Nullable Head head(ResultSet rs, int first) throws SQLException {
    boolean withdrawn = rs.getBoolean(first);
    if (rs.wasNull() || withdrawn) {
      return null;
    }
    String occupation = rs.getString(first + 5);
    return new Head(
        rs.getLong(first + 1),
        Channel.valueOf(rs.getString(first + 2)),
        new CitizenGroup(
            CitizenGroup.AgeBand.valueOf(rs.getString(first + 3)),
            Sex.valueOf(rs.getString(first + 4)),
            occupation == null ? null : Occupation.valueOf(occupation),
            CitizenGroup.membershipsOf(rs.getInt(first + 6))),
        rs.getObject(first + 7, LocalDate.class));
  }

  private static OpinionChange.@Nullable Standing standing(
      @Nullable Head head, @Nullable List<OpinionChange.CountedAnswer> answers) {
    return head == null
        ? null
        : new OpinionChange.Standing(
            head.unitId(), head.channel(), head.group(), head.firstDay(), answers == null ? List.of() : answers);
  }

  private static String key(long consultationId, String author, int revision) {
    return consultationId + ":" + author + ":" + revision;
  }

  private Map<String, List<OpinionChange.CountedAnswer>> answers(List<Revision> revisions) {
    Map<String, List<OpinionChange.CountedAnswer>> answers = new HashMap<>();
    if (revisions.isEmpty()) {
      return answers;
    }
    jdbc.sql(
            """
            select r.consultation_id, encode(r.pseudonym, 'hex'), r.revision, r.item_id, r.stance, r.comment is not null
            from unnest(?::bigint[], ?::bytea[], ?::int[]) k(c, p, v)
            join opinion.answer_revision r on r.consultation_id = k.c and r.pseudonym = k.p and r.revision = k.v
            order by r.item_id
            """)
        .params(
            revisions.stream().map(Revision::consultationId).toArray(Long[]::new),
            revisions.stream().map(Revision::pseudonym).toArray(byte[][]::new),
            revisions.stream().map(Revision::revision).toArray(Integer[]::new))
        .query(
            (ResultSet rs) -> {
              answers
                  .computeIfAbsent(key(rs.getLong(1), rs.getString(2), rs.getInt(3)), k -> new ArrayList<>())
                  .add(new OpinionChange.CountedAnswer(rs.getLong(4), Stance.valueOf(rs.getString(5)), rs.getBoolean(6)));
            });
    return answers;
  }
}
