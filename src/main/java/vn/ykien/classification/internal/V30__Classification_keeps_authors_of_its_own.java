package vn.ykien.classification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Re-keys the comments classified before classification had a pseudonym of its own (issue 12):
 * every author stored as the opinion's pseudonym becomes {@link Authors#of} of it, in the tables
 * that keep one, in one transaction (Flyway's). Analysts' corrections stay on their comments.
 * A Java migration because the key is configured outside the database, never in a script.
 */
@Component
class V30__Classification_keeps_authors_of_its_own extends BaseJavaMigration {

  private static final List<String> TABLES =
      List.of("classification.author", "classification.counted", "classification.comment");

  private final Authors authors;

  V30__Classification_keeps_authors_of_its_own(Authors authors) {
    this.authors = authors;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    List<String> legacy = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                // An opinion pseudonym has 64 hex digits, classification's own has 32 (Authors.LENGTH).
                "select author from classification.author where length(author) = 64"
                    + " union select author from classification.counted where length(author) = 64"
                    + " union select author from classification.comment where length(author) = 64")) {
      while (rows.next()) {
        legacy.add(rows.getString(1));
      }
    }
    for (int from = 0; from < legacy.size(); from += 10_000) {
      List<String> batch = legacy.subList(from, Math.min(legacy.size(), from + 10_000));
      String[] old = batch.toArray(String[]::new);
      String[] renamed = batch.stream().map(authors::of).toArray(String[]::new);
      for (String table : TABLES) {
        try (PreparedStatement update =
            connection.prepareStatement(
                "update " + table + " t set author = m.renamed"
                    + " from unnest(?::text[], ?::text[]) m(old, renamed) where t.author = m.old")) {
          update.setArray(1, connection.createArrayOf("text", old));
          update.setArray(2, connection.createArrayOf("text", renamed));
          update.executeUpdate();
        }
      }
    }
  }
}
