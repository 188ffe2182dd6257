package vn.ykien.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** A parked change's reason is shown to officials: never the values of the row that failed. */
class ParkedReasonTests {

  @Test
  void theDatabasesDetailWithTheRowsValuesIsLeftOut() {
    var duplicate = new SQLException(
        "ERROR: duplicate key value violates unique constraint \"comment_author_item_idx\"\n"
            + "  Detail: Key (consultation_id, author, coalesce(item_id, 0::bigint))=(7, pseudo-abc, 3) already exists.",
        "23505");
    String reason = OpinionLogReaders.reasonOf(new DataIntegrityViolationException("insert failed", duplicate));

    assertThat(reason)
        .isEqualTo("SQLException [23505]: ERROR: duplicate key value violates unique constraint \"comment_author_item_idx\"")
        .doesNotContain("pseudo-abc");
  }

  @Test
  void aFailingRowOnTheFirstLineIsCutToo() {
    var check = new SQLException(
        "ERROR: new row violates check constraint \"x\" Failing row contains (1, Tôi không đồng ý, F, 18-34).", "23514");

    assertThat(OpinionLogReaders.reasonOf(check)).doesNotContain("Tôi không đồng ý").startsWith("SQLException [23514]: ERROR: new row");
  }

  @Test
  void ourOwnReasonsKeepTheirWords() {
    assertThat(OpinionLogReaders.reasonOf(new IllegalStateException("unknown unit 987654321")))
        .isEqualTo("IllegalStateException: unknown unit 987654321");
  }
}
