package vn.ykien.classification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ykien.classification.CommentStance;
import vn.ykien.classification.text.TextClassifier;
import vn.ykien.classification.text.TextClassifier.Example;

/**
 * The stance model the platform uses: the file {@code ykien.classification.stance-model} names
 * (written by {@code ykien classify train}), or else one learnt at start from the project's seed
 * examples. Either way its version goes with every label it gives.
 */
@Component
public class StanceModel {

  static final String SEED = "/classification/stance-seed.tsv";

  /** The recipe for the seed examples (too few to choose one by cross-validation). */
  static final TextClassifier.Recipe SEED_RECIPE =
      new TextClassifier.Recipe(TextClassifier.Weighting.BINARY, true, true, false, 4);

  private static final Logger log = LoggerFactory.getLogger(StanceModel.class);

  private final TextClassifier classifier;

  StanceModel(@Value("${ykien.classification.stance-model:}") String file) {
    this.classifier = file.isBlank() ? fromSeed() : fromFile(Path.of(file));
  }

  public TextClassifier classifier() {
    return classifier;
  }

  public static TextClassifier fromFile(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      TextClassifier loaded = TextClassifier.load(in);
      for (String label : loaded.labels()) {
        CommentStance.valueOf(label); // a model with other labels is not a stance model
      }
      log.info("Stance model {} loaded from {}", loaded.version(), file);
      return loaded;
    } catch (IOException e) {
      throw new UncheckedIOException("The stance model " + file + " cannot be read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The model " + file + " has labels that are not stances: " + e.getMessage(), e);
    }
  }

  /** The project's seed examples. */
  public static List<Example> seedExamples() {
    return examples(new String(seed(), StandardCharsets.UTF_8));
  }

  /** A short digest of examples, for a model's version: the same examples, the same digest. */
  public static String digestOf(List<Example> examples) {
    StringBuilder all = new StringBuilder();
    examples.forEach(example -> all.append(example.label()).append('\t').append(example.text()).append('\n'));
    return digest(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  public static TextClassifier fromSeed() {
    byte[] seed = seed();
    List<Example> examples = examples(new String(seed, StandardCharsets.UTF_8));
    return TextClassifier.train(
        examples,
        SEED_RECIPE,
        Map.of("name", "stance", "version", "stance-seed-" + digest(seed), "trained-from", SEED));
  }

  private static byte[] seed() {
    try (InputStream in = StanceModel.class.getResourceAsStream(SEED)) {
      if (in == null) {
        throw new IllegalStateException(SEED + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Examples from TSV lines {@code LABEL<TAB>text}; lines starting with # and blank lines skipped. */
  public static List<Example> examples(String tsv) {
    List<Example> examples = new ArrayList<>();
    int number = 0;
    for (String line : tsv.split("\n", -1)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException("line " + number + ": expected LABEL<TAB>text");
      }
      String label = line.substring(0, tab).strip();
      try {
        CommentStance stance = CommentStance.valueOf(label);
        if (stance == CommentStance.UNCLEAR) {
          throw new IllegalArgumentException("line " + number + ": UNCLEAR is given by the rules, not learnt");
        }
      } catch (IllegalArgumentException e) {
        if (e.getMessage().startsWith("line")) {
          throw e;
        }
        throw new IllegalArgumentException("line " + number + ": unknown stance '" + label
            + "' (SUPPORT, OPPOSE, SUGGEST or NEUTRAL)");
      }
      examples.add(new Example(line.substring(tab + 1).strip(), label));
    }
    return examples;
  }

  public static String digest(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
