package vn.ykien.classification.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ykien.classification.text.TextClassifier.Example;
import vn.ykien.classification.text.TextClassifier.Prediction;
import vn.ykien.classification.text.TextClassifier.Recipe;
import vn.ykien.classification.text.TextClassifier.Scores;
import vn.ykien.classification.text.TextClassifier.Weighting;

class TextClassifierTests {

  private static final Recipe RECIPE = new Recipe(Weighting.BINARY, true, true, false, 2);

  /** A few comments of each stance, each said several ways. */
  static List<Example> examples() {
    List<Example> examples = new ArrayList<>();
    String[] support = {"tôi tán thành dự thảo", "hoàn toàn đồng ý", "nhất trí cao với sửa đổi này",
        "rất đúng đắn, ủng hộ", "đồng ý với phương án của dự thảo"};
    String[] oppose = {"tôi không tán thành", "không đồng ý sửa điều này", "phản đối việc bỏ quy định",
        "không nhất trí", "không nên sửa, giữ như cũ"};
    String[] suggest = {"đề nghị bổ sung cụm từ", "nên sửa lại câu chữ cho rõ", "kiến nghị thêm khoản mới",
        "đề xuất thay từ này bằng từ khác", "cần bổ sung quy định về giám sát"};
    for (int round = 0; round < 4; round++) {
      for (String text : support) examples.add(new Example(text, "SUPPORT"));
      for (String text : oppose) examples.add(new Example(text, "OPPOSE"));
      for (String text : suggest) examples.add(new Example(text, "SUGGEST"));
    }
    return examples;
  }

  @Test
  void learnsFromLabelledComments() {
    TextClassifier classifier = TextClassifier.train(examples(), RECIPE, Map.of("version", "stance-test-1"));

    assertThat(classifier.predict("tôi đồng ý, tán thành").label()).isEqualTo("SUPPORT");
    assertThat(classifier.predict("tôi không đồng ý").label()).isEqualTo("OPPOSE");
    assertThat(classifier.predict("đề nghị bổ sung thêm").label()).isEqualTo("SUGGEST");
    assertThat(classifier.predict("toi khong dong y").label()).isEqualTo("OPPOSE");
  }

  @Test
  void probabilitiesCoverEveryLabelAndAddUpToOne() {
    Prediction prediction = TextClassifier.train(examples(), RECIPE, Map.of()).predict("nhất trí");

    assertThat(prediction.probabilities()).containsOnlyKeys("OPPOSE", "SUGGEST", "SUPPORT");
    assertThat(prediction.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(prediction.confidence()).isEqualTo(prediction.probabilities().get(prediction.label()));
  }

  @Test
  void aSavedClassifierLoadsWithItsVersionAndPredictsTheSame() throws IOException {
    TextClassifier trained = TextClassifier.train(examples(), RECIPE, Map.of("name", "stance", "version", "stance-test-2"));
    var file = new StringWriter();
    trained.save(file);

    TextClassifier loaded = TextClassifier.load(new StringReader(file.toString()));

    assertThat(loaded.version()).isEqualTo("stance-test-2");
    assertThat(loaded.recipe()).isEqualTo(RECIPE);
    assertThat(loaded.about()).containsEntry("examples", "60");
    for (String text : List.of("tôi không tán thành", "đề nghị sửa", "chữ lạ hoàn toàn", "")) {
      assertThat(loaded.predict(text)).isEqualTo(trained.predict(text));
    }
  }

  @Test
  void aFileOfAnotherKindIsRefusedWithTheReason() {
    assertThatThrownBy(() -> TextClassifier.load(new StringReader("solver_type L2R_LR\n")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a YKien text classifier file");
    assertThatThrownBy(() -> TextClassifier.load(new StringReader("ykien-text-classifier 1\nrecipe: BINARY true false false 1\n")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ends before its model");
  }

  @Test
  void crossValidationChoosesAmongTheCandidatesWithoutOtherData() {
    var selection = TextClassifier.select(examples(), TextClassifier.CANDIDATES, 5, 1);

    assertThat(selection.candidates()).containsOnlyKeys(TextClassifier.CANDIDATES);
    assertThat(selection.weightedF1()).isEqualTo(selection.candidates().get(selection.best()));
    assertThat(selection.weightedF1()).isGreaterThan(0.8);
  }

  @Test
  void weightedF1WeighsEachLabelByItsShare() {
    Scores scores = Scores.of(List.of("A", "A", "A", "B"), List.of("A", "A", "B", "B"));

    assertThat(scores.accuracy()).isEqualTo(0.75);
    // A: precision 1, recall 2/3 → F1 0.8 (weight 3); B: precision 1/2, recall 1 → F1 2/3 (weight 1)
    assertThat(scores.weightedF1()).isCloseTo((0.8 * 3 + 2.0 / 3) / 4, org.assertj.core.data.Offset.offset(1e-9));
  }
}
