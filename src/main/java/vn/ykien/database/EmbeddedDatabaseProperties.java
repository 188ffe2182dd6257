package vn.ykien.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port TCP port on the loopback interface; 0 picks a free one
 * @param clean whether to wipe the data directory at start (tests only)
 * @param statementStatistics whether to load pg_stat_statements (benchmarks read it)
 */
@ConfigurationProperties("ykien.database.embedded")
public record EmbeddedDatabaseProperties(
    Path dataDirectory, int port, boolean clean, boolean statementStatistics) {

  public EmbeddedDatabaseProperties {
    if (dataDirectory == null) {
      dataDirectory = Path.of("data", "postgres");
    }
  }
}
