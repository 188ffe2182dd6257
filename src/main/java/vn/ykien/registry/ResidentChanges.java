package vn.ykien.registry;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The log of changes to who may take part and where (an activated level-2 e-ID, a unit, a birth
 * date), written by the database in the transaction of every change to a resident, whatever made
 * it. Writers hold an advisory lock from their first logged change until they commit, so ids are
 * in commit order: a reader that has read up to id n has seen every change before it.
 */
@Service
public class ResidentChanges {

  /** One person's eligibility-relevant change: where they counted before and where they count now. */
  public record Change(
      long id,
      @Nullable Long oldUnitId,
      @Nullable LocalDate oldBirthDate,
      @Nullable Long newUnitId,
      @Nullable LocalDate newBirthDate) {}

  private final JdbcClient jdbc;

  ResidentChanges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Waits until no transaction is writing residents and keeps them out until the caller's
   * transaction ends: the registry as read then is exactly every change up to {@link #head()}.
   */
  public void holdWriters() {
    jdbc.sql("select pg_advisory_xact_lock(22859, 4)").query().singleRow();
  }

  /** The id of the last change logged (0 when none). */
  public long head() {
    return jdbc.sql("select coalesce(max(id), 0) from registry.resident_change").query(Long.class).single();
  }

  /** Up to {@code limit} changes after id {@code after}, oldest first. */
  public List<Change> after(long after, int limit) {
    return jdbc.sql(
            """
            select id, old_unit_id, old_birth_date, new_unit_id, new_birth_date
            from registry.resident_change where id > ? order by id limit ?
            """)
        .params(after, limit)
        .query(
            (rs, n) ->
                new Change(
                    rs.getLong(1),
                    (Long) rs.getObject(2),
                    rs.getObject(3, LocalDate.class),
                    (Long) rs.getObject(4),
                    rs.getObject(5, LocalDate.class)))
        .list();
  }

  /** Drops the changes every reader has passed, and remembers how far. */
  public void forgetUpTo(long id) {
    jdbc.sql("update registry.resident_change_forgotten set up_to = greatest(up_to, ?)").param(id).update();
    jdbc.sql("delete from registry.resident_change where id <= ?").param(id).update();
  }

  /**
   * The id up to which changes were dropped: a reader standing before it cannot follow the log
   * (it would miss changes) and must count the registry again.
   */
  public long forgottenUpTo() {
    return jdbc.sql("select up_to from registry.resident_change_forgotten").query(Long.class).single();
  }
}
