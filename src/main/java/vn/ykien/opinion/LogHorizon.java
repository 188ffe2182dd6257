package vn.ykien.opinion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the opinion logs (participation and content) may be read, and where their heads are:
 * every transaction that writes either (a submission, a withdrawal, the mixer) declares itself a
 * log writer before its first write (see {@code OpinionStore.joinLogWriters}). Reads run in the
 * caller's transaction.
 */
@Component
class LogHorizon {

  private final JdbcClient jdbc;

  LogHorizon(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
  long now() {
    jdbc.sql("select pg_stat_clear_snapshot()").query().singleValue();
    long horizon = jdbc.sql(
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
    if (horizon <= 0) {
      throw new IllegalStateException("no horizon to read the opinion logs up to: " + horizon);
    }
    return horizon;
  }


  /** The position of the last change in a log table (of any transaction that has committed). */
  LogPosition head(String table) {
    return jdbc.sql("select l.xid::text, l.id from " + logTable(table) + " l order by l.xid desc, l.id desc limit 1")
        .query((rs, n) -> new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)))
        .optional()
        .orElse(LogPosition.START);
  }

  /** How many changes of a log table lie after a position, counting at most {@code cap}. */
  long pendingAfter(String table, LogPosition position, long cap) {
    return jdbc.sql(
            "select count(*) from (select 1 from " + logTable(table) + " where (xid, id) > (?::xid8, ?) limit ?) pending")
        .params(Long.toUnsignedString(position.xid()), position.id(), cap)
        .query(Long.class)
        .single();
  }

  private static String logTable(String table) {
    if (!table.equals("opinion.change_log") && !table.equals("opinion.participation_log")) {
      throw new IllegalArgumentException(table);
    }
    return table;
  }
}
