package vn.ykien.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;
import vn.ykien.IntegrationTest;
import vn.ykien.classification.cli.ClassifyCommand;
import vn.ykien.classification.internal.StanceModel;
import vn.ykien.classification.text.TextClassifier;

@IntegrationTest
class ClassifyCommandTests {

  @Autowired org.springframework.beans.factory.ObjectProvider<ClassifyCommand.Train> train;

  @TempDir Path dir;

  String run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int exit = new CommandLine(train.getObject()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return exit + "\n" + out + err;
  }

  @Test
  void trainingWritesAVersionedModelThePlatformLoads() throws Exception {
    Path model = dir.resolve("stance.model");

    String output = run("--out", model.toString(), "--lang", "en");

    assertThat(output).startsWith("0\n").contains("Trained model stance-").contains("cv_weighted_f1=");
    TextClassifier loaded = StanceModel.fromFile(model);
    assertThat(loaded.version()).matches("stance-\\d{8}T\\d{4}-[0-9a-f]{10}");
    assertThat(output).contains(loaded.version());
    assertThat(loaded.about()).containsEntry("trained-from", "seed").containsKey("cv-weighted-f1");
    assertThat(loaded.labels()).containsExactly("NEUTRAL", "OPPOSE", "SUGGEST", "SUPPORT");
    assertThat(loaded.predict("Tôi không đồng ý sửa điều này").label()).isEqualTo("OPPOSE");
    assertThat(Files.list(dir)).containsExactly(model);
  }

  @Autowired vn.ykien.classification.internal.Corrections corrections;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void analystsCorrectionsBecomeTrainingData() throws Exception {
    // A wording ten people sent (one person's could not be corrected).
    long comment = 0;
    for (int i = 0; i < 10; i++) {
      comment = jdbc.sql(
              """
              insert into classification.comment (consultation_id, author, text, commune_id, unit_path,
                age_band, sex, channel, day, version, stance, stance_confidence)
              values (-7, ?, 'Tôi thấy chỗ này cần bàn thêm', 1, '/1/', 'FROM_18_TO_34', 'F', 'SELF',
                date '2025-05-06', 'v', 'SUPPORT', 0.3) returning id
              """)
          .param("author-" + i).query(Long.class).single();
    }
    corrections.correctStance(comment, CommentStance.SUGGEST, "phantich", "/");
    Path model = dir.resolve("stance.model");

    String output = run("--with-corrections", "--out", model.toString());

    assertThat(output).startsWith("0\n");
    assertThat(corrections.stanceExamples())
        .contains(new vn.ykien.classification.text.TextClassifier.Example("Tôi thấy chỗ này cần bàn thêm", "SUGGEST"));
    assertThat(StanceModel.fromFile(model).about().get("trained-from")).matches("seed \\+ \\d+ corrections");
  }

  @Test
  void examplesWithAnUnknownStanceOrOnlyOneStanceAreRefusedAndNoModelIsWritten() throws Exception {
    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "SUPPORT\tđồng ý\nMAYBE\tcó lẽ\n");
    Path single = dir.resolve("single.tsv");
    Files.writeString(single, "SUPPORT\tđồng ý\nSUPPORT\ttán thành\n");
    Path model = dir.resolve("stance.model");

    assertThat(run("--examples", bad.toString(), "--out", model.toString()))
        .startsWith("2\n").contains("Tệp ví dụ không hợp lệ").contains("line 2");
    assertThat(run("--examples", single.toString(), "--out", model.toString(), "--lang", "en"))
        .startsWith("2\n").contains("at least two different stances");
    assertThat(run("--examples", dir.resolve("missing.tsv").toString(), "--out", model.toString()))
        .startsWith("2\n").contains("Không đọc được tệp");
    assertThat(model).doesNotExist();
  }

  @Test
  void aFileThatIsNotAModelIsRefusedWithTheReason() throws Exception {
    Path notAModel = dir.resolve("other.model");
    Files.writeString(notAModel, "solver_type L2R_LR\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StanceModel.fromFile(notAModel))
        .hasMessageContaining("cannot be read")
        .hasMessageContaining("not a YKien text classifier file");
  }
}
