package vn.ykien.classification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.IntegrationTest;

/**
 * Comments classified before classification had a pseudonym of its own are re-keyed on upgrade,
 * their analysts' corrections kept.
 */
@IntegrationTest
class ClassificationAuthorsMigrationTests {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Authors authors;

  @Test
  void commentsStoredUnderTheOpinionsPseudonymAreReKeyedWithTheirCorrectionsKept() throws Exception {
    long consultation = 9_000_001;
    String legacy = "ab".repeat(32);
    jdbc.sql("insert into classification.author (consultation_id, author, revision) values (?, ?, 2)")
        .params(consultation, legacy).update();
    jdbc.sql(
            """
            insert into classification.comment (consultation_id, author, text, commune_id, unit_path, age_band, sex,
              channel, day, version, stance, stance_confidence, corrected_stance, corrected_by)
            values (?, ?, 'Tôi tán thành', 1, '1', 'FROM_35_TO_44', 'F', 'SELF', current_date, 'v', 'SUPPORT', 0.9,
              'OPPOSE', 'phantich.quocgia')
            """)
        .params(consultation, legacy).update();
    jdbc.sql(
            """
            insert into classification.counted (consultation_id, author, item_id, stance, unit_path, age_band, sex, occupation)
            values (?, ?, 0, 'UNCLEAR', '1', 'FROM_35_TO_44', 'F', '')
            """)
        .params(consultation, legacy).update();

    try (Connection connection = dataSource.getConnection()) {
      new V30__Classification_keeps_authors_of_its_own(authors).migrate(new Context() {
        @Override
        public Configuration getConfiguration() {
          throw new UnsupportedOperationException();
        }

        @Override
        public Connection getConnection() {
          return connection;
        }
      });
    }

    String renamed = authors.of(legacy);
    assertThat(renamed).hasSize(32).isNotEqualTo(legacy);
    for (String table : java.util.List.of("classification.author", "classification.comment", "classification.counted")) {
      assertThat(jdbc.sql("select author from " + table + " where consultation_id = ?").param(consultation)
              .query(String.class).list())
          .as(table)
          .containsExactly(renamed);
    }
    assertThat(jdbc.sql("select corrected_stance from classification.comment where consultation_id = ?")
            .param(consultation).query(String.class).single())
        .isEqualTo("OPPOSE");
  }
}
