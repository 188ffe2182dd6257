package vn.ykien.reporting.internal;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ykien.opinion.Channel;

/** Participants per consultation, unit and channel: reporting's own read model. */
@Repository
public class TallyStore {

  private final JdbcClient jdbc;

  TallyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that the event with this id is being applied, in the caller's transaction: false when
   * it was applied before. Events stored before ids existed (null) are applied.
   */
  public boolean firstTime(java.util.@org.jspecify.annotations.Nullable UUID eventId) {
    if (eventId == null) {
      return true;
    }
    return jdbc.sql("insert into reporting.applied_event (id) values (?) on conflict do nothing")
            .param(eventId)
            .update()
        == 1;
  }

  public void add(long consultationId, long unitId, Channel channel, long delta) {
    jdbc.sql(
            """
            insert into reporting.participation_tally (consultation_id, unit_id, channel, participants)
            values (?, ?, ?, ?)
            on conflict (consultation_id, unit_id, channel)
            do update set participants = participation_tally.participants + excluded.participants
            """)
        .params(consultationId, unitId, channel.name(), delta)
        .update();
  }

  public Map<Channel, Long> participants(long consultationId, Collection<Long> unitIds) {
    Map<Channel, Long> counts = new EnumMap<>(Channel.class);
    if (unitIds.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            select channel, sum(participants) from reporting.participation_tally
            where consultation_id = :consultation and unit_id in (:units)
            group by channel
            """)
        .param("consultation", consultationId)
        .param("units", unitIds)
        .query(
            (ResultSet rs) -> {
              counts.put(Channel.valueOf(rs.getString(1)), rs.getLong(2));
            });
    return counts;
  }
}
