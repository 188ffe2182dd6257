package vn.ykien.classification.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.ykien.classification.internal.Corrections;
import vn.ykien.classification.internal.StanceModel;
import vn.ykien.classification.text.TextClassifier;
import vn.ykien.classification.text.TextClassifier.Example;

/** {@code ykien classify train …}: learns a stance model and writes it to a versioned file. */
@Component
@Command(
    name = "classify",
    description = "Comment classification / Phân loại ý kiến",
    mixinStandardHelpOptions = true,
    subcommands = {ClassifyCommand.Train.class, ClassifyCommand.Reclassify.class})
public class ClassifyCommand {

  @Component
  @Command(
      name = "reclassify",
      description =
          "Bring every label of a consultation to the current classifier (model, items, keywords);"
              + " resumable / Phân loại lại mọi ý kiến theo bộ phân loại hiện hành; chạy tiếp được")
  public static class Reclassify implements Callable<Integer> {

    private final vn.ykien.classification.internal.Reclassification reclassification;
    private final vn.ykien.consultation.Consultations consultations;
    private final MessageSource messages;

    @Spec CommandSpec spec;

    @Option(names = "--consultation", required = true, description = "slug")
    String slug;

    @Option(names = "--lang", defaultValue = "vi")
    String lang;

    Reclassify(
        vn.ykien.classification.internal.Reclassification reclassification,
        vn.ykien.consultation.Consultations consultations,
        MessageSource messages) {
      this.reclassification = reclassification;
      this.consultations = consultations;
      this.messages = messages;
    }

    @Override
    public Integer call() {
      var consultation = consultations.findBySlug(slug);
      if (consultation.isEmpty()) {
        spec.commandLine().getErr().println(messages.getMessage("cli.eligibility.noConsultation", new Object[] {slug}, Locale.of(lang)));
        return 2;
      }
      var before = reclassification.progress(consultation.get().id());
      long started = System.nanoTime();
      long done = reclassification.all(consultation.get().id());
      var after = reclassification.progress(consultation.get().id());
      spec.commandLine().getOut().println(messages.getMessage("cli.classify.reclassified",
          new Object[] {done, before.total(), after.version(), after.outdated(), (System.nanoTime() - started) / 1_000_000},
          Locale.of(lang)));
      return 0;
    }
  }

  /** A new instance per run: picocli keeps option values in the command's fields. */
  @Component
  @org.springframework.context.annotation.Scope("prototype")
  @Command(
      name = "train",
      description =
          "Train the stance model from labelled comments and write it to a file the platform loads"
              + " (ykien.classification.stance-model) / Huấn luyện mô hình quan điểm từ ý kiến đã"
              + " gán nhãn và ghi ra tệp để hệ thống nạp")
  public static class Train implements Callable<Integer> {

    private final Corrections corrections;
    private final MessageSource messages;
    private final Clock clock;

    @Spec CommandSpec spec;

    @Option(
        names = "--examples",
        description = "TSV file, one LABEL<TAB>text per line (SUPPORT, OPPOSE, SUGGEST, NEUTRAL); default: the project's seed examples")
    @Nullable Path examples;

    @Option(names = "--with-corrections", description = "add analysts' corrections from the database / thêm các sửa nhãn của chuyên viên")
    boolean withCorrections;

    @Option(names = "--out", required = true, description = "the model file to write / tệp mô hình")
    Path out;

    @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds to choose the recipe")
    int folds;

    @Option(names = "--lang", defaultValue = "vi")
    String lang;

    Train(Corrections corrections, MessageSource messages, Clock clock) {
      this.corrections = corrections;
      this.messages = messages;
      this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
      var err = spec.commandLine().getErr();
      var printed = spec.commandLine().getOut();
      List<Example> all = new ArrayList<>();
      String source;
      try {
        if (examples != null) {
          if (!Files.isReadable(examples)) {
            err.println(text("cli.classify.unreadable", examples));
            return 2;
          }
          all.addAll(StanceModel.examples(Files.readString(examples, StandardCharsets.UTF_8)));
          source = examples.toString();
        } else {
          all.addAll(StanceModel.seedExamples());
          source = "seed";
        }
      } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
        err.println(text("cli.classify.badExamples", e.getMessage()));
        return 2;
      }
      if (withCorrections) {
        List<Example> corrected = corrections.stanceExamples();
        all.addAll(corrected);
        source += " + " + corrected.size() + " corrections";
      }
      long labels = all.stream().map(Example::label).distinct().count();
      if (labels < 2) {
        err.println(text("cli.classify.tooFewLabels", labels));
        return 2;
      }
      if (folds < 2 || folds > all.size()) {
        err.println(text("cli.classify.badFolds", folds, all.size()));
        return 2;
      }
      var selection = TextClassifier.select(all, TextClassifier.CANDIDATES, folds, 2025);
      selection.candidates().forEach((recipe, f1) -> printed.printf(Locale.ROOT, "  %-48s cv_weighted_f1=%.3f%n", recipe, f1));
      Map<String, String> about = new LinkedHashMap<>();
      String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm").withZone(java.time.ZoneOffset.UTC).format(clock.instant());
      about.put("name", "stance");
      about.put("version", "stance-" + stamp + "-" + StanceModel.digestOf(all));
      about.put("trained-at", clock.instant().toString());
      about.put("trained-from", source);
      about.put("cv-weighted-f1", String.format(Locale.ROOT, "%.4f", selection.weightedF1()));
      TextClassifier model = TextClassifier.train(all, selection.best(), about);
      Path partial = out.resolveSibling(out.getFileName() + ".partial");
      try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        model.save(writer);
      }
      // A platform reading the file meanwhile sees the old model or the new one, never half.
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      printed.println(text("cli.classify.trained", model.version(), all.size(), selection.best(),
          String.format(Locale.ROOT, "%.3f", selection.weightedF1()), out));
      return 0;
    }

    private String text(String key, Object... args) {
      return messages.getMessage(key, args, Locale.of(lang));
    }
  }
}
