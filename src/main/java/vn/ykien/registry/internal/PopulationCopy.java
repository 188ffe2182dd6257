package vn.ykien.registry.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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

  private static final int FLUSH = 1 << 16;

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
          new Stream(connection, "copy registry.household (id, unit_id, address, head_citizen_id) from stdin (format csv)");
      long[] next = {first};
      generation.accept(
          household -> {
            long id = next[0]++;
            households.line(
                id + "," + household.unitId() + "," + quote(household.address()) + ","
                    + household.members().getFirst().citizenId().value());
          });
      households.end();
      var residents =
          new Stream(
              connection,
              "copy registry.resident (citizen_id, full_name, birth_date, sex, household_id, unit_id,"
                  + " eid_state, eid_level) from stdin (format csv)");
      long[] counts = {first, 0};
      generation.accept(
          household -> {
            long id = counts[0]++;
            for (NewResident member : household.members()) {
              Integer level = member.eidAccount().level();
              residents.line(
                  member.citizenId().value() + "," + quote(member.fullName()) + ","
                      + member.birthDate() + "," + member.sex().name() + "," + id + ","
                      + household.unitId() + "," + member.eidAccount().state().name() + ","
                      + (level == null ? "" : level));
              counts[1]++;
            }
          });
      residents.end();
      return counts[1];
    } catch (SQLException e) {
      throw new IllegalStateException("the population copy failed", e);
    }
  }

  private static String quote(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** One COPY stream, written in 64 KB chunks. */
  private static final class Stream {
    private final CopyIn copy;
    private final StringBuilder out = new StringBuilder(FLUSH * 2);

    Stream(Connection connection, String sql) throws SQLException {
      this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    void line(String line) {
      out.append(line).append('\n');
      if (out.length() > FLUSH) {
        flush();
      }
    }

    private void flush() {
      byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
      try {
        copy.writeToCopy(bytes, 0, bytes.length);
      } catch (SQLException e) {
        throw new IllegalStateException("the population copy failed", e);
      }
      out.setLength(0);
    }

    void end() throws SQLException {
      flush();
      copy.endCopy();
    }
  }
}
