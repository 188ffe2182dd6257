package vn.ykien.opinion.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import vn.ykien.shared.CitizenId;

/**
 * Fills the participation log (V32) for everyone who ever took part when it was introduced (the
 * receipts name them, withdrawn or not): one row per person, as the opinion log's latest revision
 * of that person counted it, numbered as that revision so that the person's next change takes the
 * next number on both sides (found through their pseudonym, hence a Java migration: the key is
 * configured outside the database);
 * rebuilds the participation tallies from it and starts the participation reader after it.
 * Before V34 coarsens the opinion log, which still holds the village and hour here.
 */
@Component
class V33__Participation_log_from_existing_opinions extends BaseJavaMigration {

  private final Pseudonyms pseudonyms;

  V33__Participation_log_from_existing_opinions(Pseudonyms pseudonyms) {
    this.pseudonyms = pseudonyms;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    record Participant(long consultationId, String citizen) {}
    List<Participant> participants = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("select distinct consultation_id, citizen_id from opinion.receipt")) {
      while (rows.next()) {
        participants.add(new Participant(rows.getLong(1), rows.getString(2)));
      }
    }
    for (int from = 0; from < participants.size(); from += 10_000) {
      List<Participant> batch = participants.subList(from, Math.min(participants.size(), from + 10_000));
      try (PreparedStatement insert =
          connection.prepareStatement(
              """
              insert into opinion.participation_log (consultation_id, citizen_id, seq, withdrawn, unit_id, channel,
                age_band, sex, occupation, memberships, first_day, day, hour)
              select k.c, k.citizen, l.revision, l.withdrawn, l.unit_id, l.channel, l.age_band, l.sex, l.occupation,
                     l.memberships, l.first_day, l.day, l.hour
              from unnest(?::bigint[], ?::text[], ?::bytea[]) k(c, citizen, p)
              join lateral (select * from opinion.change_log
                            where consultation_id = k.c and pseudonym = k.p
                            order by revision desc limit 1) l on true
              """)) {
        insert.setArray(1, connection.createArrayOf("bigint", batch.stream().map(Participant::consultationId).toArray()));
        insert.setArray(2, connection.createArrayOf("text", batch.stream().map(Participant::citizen).toArray()));
        byte[][] keys = batch.stream()
            .map(p -> pseudonyms.of(p.consultationId(), CitizenId.of(p.citizen())))
            .toArray(byte[][]::new);
        insert.setArray(3, connection.createArrayOf("bytea", keys));
        insert.executeUpdate();
      }
    }
    try (Statement rebuild = connection.createStatement()) {
      rebuild.execute("delete from reporting.participation_count");
      rebuild.execute("delete from reporting.participation_total");
      rebuild.execute(
          """
          create temp table participation_rolled on commit drop as
          with recursive up(unit_id, u) as (
            select id, id from units.unit where id in (select distinct unit_id from opinion.participation_log)
            union all
            select up.unit_id, x.parent_id from up join units.unit x on x.id = up.u where x.parent_id is not null)
          select l.consultation_id, up.u as unit_id, l.first_day as day, l.channel, l.age_band, l.sex,
                 coalesce(l.occupation, '') as occupation, l.memberships, count(*) as people
          from opinion.participation_log l join up on up.unit_id = l.unit_id
          where not l.withdrawn
          group by 1, 2, 3, 4, 5, 6, 7, 8
          """);
      rebuild.execute(
          """
          insert into reporting.participation_count
            (consultation_id, unit_id, day, channel, age_band, sex, occupation, memberships, people)
          select * from participation_rolled
          """);
      rebuild.execute(
          """
          insert into reporting.participation_total (consultation_id, unit_id, channel, people)
          select consultation_id, unit_id, channel, sum(people) from participation_rolled group by 1, 2, 3
          """);
      rebuild.execute(
          """
          insert into reporting.log_position (reader, xid, id)
          select 'reporting.participation', xid, id from opinion.participation_log order by xid desc, id desc limit 1
          """);
    }
  }
}
