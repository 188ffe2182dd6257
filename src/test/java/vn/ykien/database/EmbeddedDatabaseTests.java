package vn.ykien.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class EmbeddedDatabaseTests {

  final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

  EmbeddedDatabase start(Path directory) throws Exception {
    return configuration.embeddedDatabase(new EmbeddedDatabaseProperties(directory, 0, false, false));
  }

  static JdbcClient jdbc(EmbeddedDatabase database) {
    return JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), "postgres", ""));
  }

  @Test
  void keepsItsDataAcrossARestart(@TempDir Path directory) throws Exception {
    Path data = directory.resolve("postgres");
    try (EmbeddedDatabase first = start(data)) {
      jdbc(first).sql("create table kept (opinion text)").update();
      jdbc(first).sql("insert into kept values ('tán thành')").update();
    }

    try (EmbeddedDatabase second = start(data)) {
      assertThat(second.isOwned()).isTrue();
      assertThat(jdbc(second).sql("select opinion from kept").query(String.class).single())
          .isEqualTo("tán thành");
    }
  }

  @Test
  void runsDurably(@TempDir Path directory) throws Exception {
    try (EmbeddedDatabase database = start(directory.resolve("postgres"))) {
      assertThat(jdbc(database).sql("show fsync").query(String.class).single()).isEqualTo("on");
      assertThat(jdbc(database).sql("show synchronous_commit").query(String.class).single())
          .isEqualTo("on");
    }
  }

  @Test
  void aSecondProcessUsesTheServerARunningInstanceKeeps(@TempDir Path directory) throws Exception {
    Path data = directory.resolve("postgres");
    try (EmbeddedDatabase running = start(data)) {
      jdbc(running).sql("create table shared (n int)").update();

      try (EmbeddedDatabase second = start(data)) {
        assertThat(second.isOwned()).isFalse();
        assertThat(second.jdbcUrl()).isEqualTo(running.jdbcUrl());
        jdbc(second).sql("insert into shared values (1)").update();
      }

      assertThat(jdbc(running).sql("select count(*) from shared").query(Long.class).single())
          .isEqualTo(1L);
    }
  }
}
