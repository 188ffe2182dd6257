package vn.ykien.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import vn.ykien.registry.NewResident;
import vn.ykien.registry.SyntheticPopulation.Household;

/**
 * Streams generated households and residents into the registry with {@code COPY}, in the caller's
 * transaction. The generator is run twice with the same seed — households first, then their
 * members — so that nothing is held in memory and the foreign keys hold.
 */
@Component
public class PopulationCopy {

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  PopulationCopy(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /** Runs a deterministic generation into the database; returns the number of residents. */
  public long copy(long maxHouseholds, Consumer<Consumer<Household>> generation) {
    // Reserve one household id per possible household, so both passes agree on them.
    long last =
        jdbc.sql("select setval('registry.household_id_seq', nextval('registry.household_id_seq') + ?)")
            .param(maxHouseholds)
            .query(Long.class)
            .single();
    long first = last - maxHouseholds;
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      var households =
          new CopyStream(connection, "copy registry.household (id, unit_id, address, head_citizen_id) from stdin (format csv)");
      long[] next = {first};
      generation.accept(
          household -> {
            long id = next[0]++;
            line(households,
                id + "," + household.unitId() + "," + CopyStream.quote(household.address()) + ","
                    + household.members().getFirst().citizenId().value());
          });
      households.end();
      var residents =
          new CopyStream(
              connection,
              "copy registry.resident (citizen_id, full_name, birth_date, sex, household_id, unit_id,"
                  + " eid_state, eid_level, occupation, memberships) from stdin (format csv)");
      long[] counts = {first, 0};
      generation.accept(
          household -> {
            long id = counts[0]++;
            for (NewResident member : household.members()) {
              Integer level = member.eidAccount().level();
              line(residents,
                  member.citizenId().value() + "," + CopyStream.quote(member.fullName()) + ","
                      + member.birthDate() + "," + member.sex().name() + "," + id + ","
                      + household.unitId() + "," + member.eidAccount().state().name() + ","
                      + (level == null ? "" : level) + ","
                      + (member.occupation() == null ? "" : member.occupation().name()) + ","
                      + "\"{" + member.membershipList().replace(';', ',') + "}\"");
              counts[1]++;
            }
          });
      residents.end();
      return counts[1];
    } catch (SQLException e) {
      throw new IllegalStateException("the population copy failed", e);
    }
  }

  /** Generation runs in callbacks that cannot throw: a failed copy ends it unchecked. */
  private static void line(CopyStream stream, String line) {
    try {
      stream.line(line);
    } catch (SQLException e) {
      throw new IllegalStateException("the population copy failed", e);
    }
  }
}
