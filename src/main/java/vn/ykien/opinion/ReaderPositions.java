package vn.ykien.opinion;

import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The position and parked changes of log readers, in the tables {@code log_position} and
 * {@code parked_change} of a reading module's own schema.
 */
public final class ReaderPositions {

  private final JdbcClient jdbc;
  private final String schema;
  private final Clock clock;

  public ReaderPositions(JdbcClient jdbc, String schema, Clock clock) {
    if (!schema.matches("[a-z_]+")) {
      throw new IllegalArgumentException(schema);
    }
    this.jdbc = jdbc;
    this.schema = schema;
    this.clock = clock;
  }

  public Optional<LogPosition> lock(String reader) {
    jdbc.sql("insert into " + schema + ".log_position (reader, xid, id) values (?, '0', 0) on conflict do nothing")
        .param(reader)
        .update();
    return jdbc.sql("select xid::text, id from " + schema + ".log_position where reader = ? for update skip locked")
        .param(reader)
        .query((rs, n) -> new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)))
        .optional();
  }

  public LogPosition read(String reader) {
    return jdbc.sql("select xid::text, id from " + schema + ".log_position where reader = ?")
        .param(reader)
        .query((rs, n) -> new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)))
        .optional()
        .orElse(LogPosition.START);
  }

  public void save(String reader, LogPosition position) {
    jdbc.sql("update " + schema + ".log_position set xid = ?::xid8, id = ? where reader = ?")
        .params(Long.toUnsignedString(position.xid()), position.id(), reader)
        .update();
  }

  public void park(String reader, OpinionChange change, String reason) {
    jdbc.sql(
            "insert into " + schema + ".parked_change (reader, change_id, reason, parked_at) values (?, ?, ?, ?)"
                + " on conflict do nothing")
        .params(reader, change.position().id(), reason, java.sql.Timestamp.from(clock.instant()))
        .update();
  }

  public long parked(String reader) {
    return jdbc.sql("select count(*) from " + schema + ".parked_change where reader = ?")
        .param(reader)
        .query(Long.class)
        .single();
  }

  /** A change a reader set aside: its id in the log (never whose it is), why and when. */
  public record ParkedChange(long changeId, String reason, java.time.Instant parkedAt) {}

  /** The reader's parked changes, the latest first. */
  public java.util.List<ParkedChange> parkedChanges(String reader, int limit) {
    return jdbc.sql(
            "select change_id, reason, parked_at from " + schema + ".parked_change where reader = ?"
                + " order by parked_at desc, change_id desc limit ?")
        .params(reader, limit)
        .query((rs, n) -> new ParkedChange(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }
}
