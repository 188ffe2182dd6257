package vn.ykien.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cell under k is hidden, and so are the fewest others needed so that no total gives it away. */
class ComplementarySuppressionTests {

  static final int K = 10;

  @Test
  void aSmallCellHidesTheSmallestShownOneBesideItSoTheTotalCannotBeSubtracted() {
    Map<String, Integer> communes = Map.of("A", 50, "B", 30, "C", 5);

    assertThat(ResultsReport.suppressed(communes, "C", K)).isTrue();
    assertThat(ResultsReport.suppressed(communes, "B", K)).as("B would give C away: 85 − 50 − 30").isTrue();
    assertThat(ResultsReport.suppressed(communes, "A", K)).isFalse();
  }

  @Test
  void smallCellsThatTogetherHoldKOrMoreNeedNoOther() {
    Map<String, Integer> groups = Map.of("A", 50, "B", 4, "C", 7);

    assertThat(ResultsReport.suppressed(groups, "B", K)).isTrue();
    assertThat(ResultsReport.suppressed(groups, "C", K)).isTrue();
    assertThat(ResultsReport.suppressed(groups, "A", K)).isFalse();
  }

  @Test
  void cellsOfKOrMoreWithNoSmallOneAreShownAndAnEmptyOneIsNot() {
    assertThat(ResultsReport.suppressed(Map.of("M", 12, "F", 15), "M", K)).isFalse();
    assertThat(ResultsReport.suppressed(Map.of("M", 12), "F", K)).isTrue();
    assertThat(ResultsReport.suppressed(Map.of("M", 9), "M", K)).isTrue();
  }
}
