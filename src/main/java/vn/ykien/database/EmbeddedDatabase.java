package vn.ykien.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL this process uses: one it started (and stops), or one another live
 * instance runs on the same data directory (left alone).
 */
final class EmbeddedDatabase implements AutoCloseable {

  private final @Nullable EmbeddedPostgres owned;
  private final int port;

  private EmbeddedDatabase(@Nullable EmbeddedPostgres owned, int port) {
    this.owned = owned;
    this.port = port;
  }

  static EmbeddedDatabase owned(EmbeddedPostgres postgres) {
    return new EmbeddedDatabase(postgres, postgres.getPort());
  }

  static EmbeddedDatabase borrowed(int port) {
    return new EmbeddedDatabase(null, port);
  }

  boolean isOwned() {
    return owned != null;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  @Override
  public void close() throws IOException {
    if (owned != null) {
      owned.close();
    }
  }
}
