package vn.ykien.opinion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
  private final LogHorizon horizon;

  OpinionLog(JdbcClient jdbc, LogHorizon horizon) {
    this.jdbc = jdbc;
    this.horizon = horizon;
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
    long horizon = this.horizon.now();
    record Row(
        LogPosition position, long consultationId, byte[] pseudonym, int revision, LocalDate day,
        @Nullable Head now, @Nullable Head before) {}
    List<Row> rows =
        jdbc.sql(
                """
                select l.xid::text, l.id, l.consultation_id, l.pseudonym, l.revision, l.day,
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
                        head(rs, 7),
                        head(rs, 15)))
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
              row.day()));
    }
    return changes;
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
    return horizon.head("opinion.change_log");
  }

  /** How many changes lie after a position, counting at most {@code cap}. */
  public long pendingAfter(LogPosition position, long cap) {
    return horizon.pendingAfter("opinion.change_log", position, cap);
  }

  /**
   * Every current opinion's answers in a consultation, as of a position, counted per commune,
   * item, stance, channel and group into a table of the caller's (set-based, for a recount): the
   * latest revision of each pseudonym up to the position, unless it is a withdrawal. Occupation is
   * "" where the registry has none. The table has the columns
   * {@code (unit_id, item_id, stance, channel, age_band, sex, occupation, answers, comments)}.
   */
  public void countAnswersInto(long consultationId, LogPosition upTo, String answersTable) {
    if (!answersTable.matches("[a-z_]+")) {
      throw new IllegalArgumentException(answersTable);
    }
    jdbc.sql(
            """
            with latest as (
              select distinct on (pseudonym) * from opinion.change_log
              where consultation_id = ? and (xid, id) <= (?::xid8, ?)
              order by pseudonym, revision desc)
            insert into\s"""
                + answersTable
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

  /** The units (communes and above) that appear in a consultation's opinion log. */
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

  /**
   * What a log row says a person is counted by, from its columns (withdrawn, unit_id, channel,
   * age_band, sex, occupation, memberships, first_day) starting at {@code first}: null for a
   * withdrawal or no row.
   */
  record Head(long unitId, Channel channel, CitizenGroup group, LocalDate firstDay) {}

  static @Nullable Head head(ResultSet rs, int first) throws SQLException {
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
