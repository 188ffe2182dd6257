package vn.ykien.classification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import vn.ykien.IntegrationTest;

/**
 * Tallies kept when a person counted for every stance of their comments on an item are rebuilt on
 * upgrade with one stance per person and item: that of their comment on the item itself.
 */
@IntegrationTest
class OneStancePerItemMigrationTests {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void aPersonCountedForTwoStancesOfAnItemCountsForTheStanceOfTheirOwnCommentOnIt() throws Exception {
    long consultation = 9_000_002;
    long item = 9_000_003;
    String path = "/9000004/9000005/";
    long own = comment(consultation, item, "Tôi tán thành", "SUPPORT", path);
    long general = comment(consultation, null, "Điều này cần sửa", "OPPOSE", path);
    jdbc.sql("insert into classification.comment_item (comment_id, item_id, score, signal) values (?, ?, 0.6, 'CURRENT_ITEM'), (?, ?, 0.9, 'CITATION')")
        .params(own, item, general, item).update();
    for (String stance : List.of("SUPPORT", "OPPOSE", "ALL")) {
      jdbc.sql(
              """
              insert into classification.counted (consultation_id, author, item_id, stance, unit_path, age_band, sex, occupation)
              values (?, 'author-1', ?, ?, ?, 'FROM_35_TO_44', 'F', '')
              """)
          .params(consultation, item, stance, path).update();
      for (long unit : new long[] {9_000_004, 9_000_005}) {
        jdbc.sql(
                """
                insert into classification.comment_count (consultation_id, unit_id, parent_id, item_id, stance, age_band, sex, occupation, people)
                values (?, ?, null, ?, ?, 'FROM_35_TO_44', 'F', '', 1)
                """)
            .params(consultation, unit, item, stance).update();
      }
    }

    try (Connection connection = dataSource.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V39__one_comment_stance_per_person_and_item.sql"));
    }

    assertThat(jdbc.sql("select stance from classification.counted where consultation_id = ? order by stance")
            .param(consultation).query(String.class).list())
        .containsExactly("ALL", "SUPPORT");
    assertThat(jdbc.sql("select unit_id || ' ' || stance || ' ' || people from classification.comment_count where consultation_id = ? order by 1")
            .param(consultation).query(String.class).list())
        .containsExactly("9000004 ALL 1", "9000004 SUPPORT 1", "9000005 ALL 1", "9000005 SUPPORT 1");
    assertThat(jdbc.sql("select parent_id from classification.comment_count where consultation_id = ? and unit_id = 9000005 limit 1")
            .param(consultation).query(Long.class).single())
        .isEqualTo(9_000_004L);
  }

  private long comment(long consultation, Long item, String text, String stance, String path) {
    return jdbc.sql(
            """
            insert into classification.comment (consultation_id, author, item_id, text, commune_id, unit_path, age_band, sex,
              channel, day, version, stance, stance_confidence)
            values (?, 'author-1', ?, ?, 9000005, ?, 'FROM_35_TO_44', 'F', 'SELF', current_date, 'v', ?, 0.9)
            returning id
            """)
        .params(consultation, item, text, path, stance)
        .query(Long.class)
        .single();
  }
}
