package vn.ykien.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedDatabaseTests {

  final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

  EmbeddedPostgres start(Path directory) throws Exception {
    return configuration.embeddedPostgres(new EmbeddedDatabaseProperties(directory, 0, false));
  }

  @Test
  void keepsItsDataAcrossARestart(@TempDir Path directory) throws Exception {
    Path data = directory.resolve("postgres");
    try (EmbeddedPostgres first = start(data)) {
      var jdbc = JdbcClient.create(first.getPostgresDatabase());
      jdbc.sql("create table kept (opinion text)").update();
      jdbc.sql("insert into kept values ('tán thành')").update();
    }

    try (EmbeddedPostgres second = start(data)) {
      var jdbc = JdbcClient.create(second.getPostgresDatabase());
      assertThat(jdbc.sql("select opinion from kept").query(String.class).single()).isEqualTo("tán thành");
    }
  }

  @Test
  void runsDurably(@TempDir Path directory) throws Exception {
    try (EmbeddedPostgres postgres = start(directory.resolve("postgres"))) {
      var jdbc = JdbcClient.create(postgres.getPostgresDatabase());
      assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
      assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
    }
  }
}
