package vn.ykien.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL server from Maven artifacts when {@code spring.datasource.url} is not
 * set. The cluster is durable (fsync and synchronous commit on) and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
    Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
    Files.createDirectories(dataDirectory);
    if (!properties.clean()) {
      var live = OrphanedServer.liveServerOrStopOrphan(dataDirectory);
      if (live.isPresent()) {
        log.info(
            "Using the embedded PostgreSQL that a running instance keeps in {} (port {})",
            dataDirectory,
            live.getAsInt());
        return EmbeddedDatabase.borrowed(live.getAsInt());
      }
    }
    return EmbeddedDatabase.owned(start(properties, dataDirectory));
  }

  static EmbeddedPostgres start(EmbeddedDatabaseProperties properties, Path dataDirectory)
      throws IOException {
    Path workingDirectory = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-binaries");
    Files.createDirectories(workingDirectory);
    log.info("Starting embedded PostgreSQL in {}", dataDirectory);
    var builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(properties.clean())
            // Spring stops the server after the connection pool, never a JVM hook racing it
            .setRegisterShutdownHook(false)
            .setOverrideWorkingDirectory(workingDirectory.toFile())
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("unix_socket_directories", "''")
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "256MB");
    if (properties.statementStatistics()) {
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
    }
    if (properties.port() > 0) {
      builder.setPort(properties.port());
    }
    return builder.start();
  }

  @Bean
  DataSource dataSource(EmbeddedDatabase database) {
    var dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setUsername("postgres");
    dataSource.setPoolName("ykien-embedded");
    dataSource.setMaximumPoolSize(20);
    return dataSource;
  }

  /** Matches when no external database URL is configured. */
  static class NoExternalDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
