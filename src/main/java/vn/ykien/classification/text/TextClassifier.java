package vn.ykien.classification.text;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A text classifier learnt from labelled examples: logistic regression (LIBLINEAR) over features
 * of Vietnamese syllables. A {@link Recipe} says which features and how they are weighted; the
 * trained classifier is saved to, and loaded from, a versioned text file.
 */
public final class TextClassifier {

  /** A text with its label, to learn from or to measure with. */
  public record Example(String text, String label) {}

  /** How a feature's count becomes its value. */
  public enum Weighting {
    COUNTS,
    /** 1 when present: short texts rarely repeat a word, and a repeat says little more. */
    BINARY,
    /** Sublinear tf × idf, the vector normalised to length 1. */
    TF_IDF
  }

  /**
   * What the classifier sees: accented syllable 1–2-grams always; with {@code negation} the
   * three syllables after a negator (không, chưa, chẳng…) also as negated features ("không
   * được nhiệt tình" is not "nhiệt tình"); with {@code folded} the 1–2-grams without diacritics
   * (text typed without them); with {@code characters} character 2–4-grams of the folded text
   * (typos, spelling variants). {@code c}: the inverse of the regularisation strength.
   */
  public record Recipe(
      Weighting weighting, boolean negation, boolean folded, boolean characters, double c) {

    /** The textbook baseline: logistic regression on syllable 1–2-gram counts, C = 1. */
    public static final Recipe PLAIN = new Recipe(Weighting.COUNTS, false, false, false, 1);

    @Override
    public String toString() {
      return "words" + (negation ? "+negation" : "") + (folded ? "+folded" : "")
          + (characters ? "+chars" : "") + " " + weighting.name().toLowerCase(java.util.Locale.ROOT)
          + " C=" + c;
    }

    String encode() {
      return weighting + " " + negation + " " + folded + " " + characters + " " + c;
    }

    static Recipe decode(String line) {
      String[] parts = line.trim().split(" ");
      return new Recipe(
          Weighting.valueOf(parts[0]), Boolean.parseBoolean(parts[1]),
          Boolean.parseBoolean(parts[2]), Boolean.parseBoolean(parts[3]),
          Double.parseDouble(parts[4]));
    }
  }

  /**
   * The recipes the project's {@code train} command chooses among by cross-validation: the
   * baseline, and richer features at a few regularisation strengths.
   */
  public static final List<Recipe> CANDIDATES =
      List.of(
          Recipe.PLAIN,
          new Recipe(Weighting.BINARY, true, false, false, 1),
          new Recipe(Weighting.BINARY, true, false, false, 2),
          new Recipe(Weighting.BINARY, true, false, false, 4),
          new Recipe(Weighting.BINARY, true, true, false, 2),
          new Recipe(Weighting.TF_IDF, true, true, true, 8));

  /** The most likely label, its probability, and every label's. */
  public record Prediction(String label, double confidence, Map<String, Double> probabilities) {}

  /**
   * Words that negate what follows; without diacritics only the unambiguous ones ("dung" could be
   * đừng, dùng or đúng).
   */
  private static final java.util.Set<String> NEGATORS =
      java.util.Set.of("không", "khong", "ko", "chưa", "chẳng", "chả", "đừng", "hông", "kém", "thiếu");

  private static final int NEGATION_SCOPE = 3;

  private static final String MAGIC = "ykien-text-classifier 1";

  private final Recipe recipe;
  private final Map<String, Integer> vocabulary;
  private final double[] idf;
  private final List<String> labels;
  private final Model model;
  private final Map<String, String> about;

  private TextClassifier(
      Recipe recipe, Map<String, Integer> vocabulary, double[] idf, List<String> labels,
      Model model, Map<String, String> about) {
    this.recipe = recipe;
    this.vocabulary = vocabulary;
    this.idf = idf;
    this.labels = labels;
    this.model = model;
    this.about = about;
  }

  /** Learns from the examples. {@code about}: what the saved file says of itself (name, version…). */
  public static TextClassifier train(List<Example> examples, Recipe recipe, Map<String, String> about) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to learn from");
    }
    List<String> labels = examples.stream().map(Example::label).distinct().sorted().toList();
    Map<String, Integer> vocabulary = new HashMap<>();
    List<Map<String, Integer>> counted = new ArrayList<>(examples.size());
    Map<Integer, Integer> documentFrequency = new HashMap<>();
    for (Example example : examples) {
      Map<String, Integer> counts = features(example.text(), recipe);
      counted.add(counts);
      for (String feature : counts.keySet()) {
        int index = vocabulary.computeIfAbsent(feature, f -> vocabulary.size() + 1);
        documentFrequency.merge(index, 1, Integer::sum);
      }
    }
    double[] idf = new double[vocabulary.size() + 1];
    for (var entry : documentFrequency.entrySet()) {
      idf[entry.getKey()] = Math.log((1.0 + examples.size()) / (1.0 + entry.getValue())) + 1;
    }
    var problem = new Problem();
    problem.l = examples.size();
    problem.n = vocabulary.size() + 1; // the last feature is the bias
    problem.bias = 1;
    problem.x = new Feature[examples.size()][];
    problem.y = new double[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      problem.x[i] = vector(counted.get(i), vocabulary, idf, recipe);
      problem.y[i] = labels.indexOf(examples.get(i).label());
    }
    var parameter = new Parameter(SolverType.L2R_LR, recipe.c(), 0.01);
    parameter.setRandom(new Random(7));
    Linear.disableDebugOutput();
    Model model = Linear.train(problem, parameter);
    Map<String, String> described = new LinkedHashMap<>(about);
    described.put("examples", Integer.toString(examples.size()));
    return new TextClassifier(recipe, Map.copyOf(vocabulary), idf, labels, model, described);
  }

  public Prediction predict(String text) {
    return predict(Syllables.of(text));
  }

  public Prediction predict(Syllables text) {
    Feature[] x = vector(features(text, recipe), vocabulary, idf, recipe);
    double[] probability = new double[labels.size()];
    int best = (int) Linear.predictProbability(model, x, probability);
    int[] order = model.getLabels();
    Map<String, Double> byLabel = new TreeMap<>();
    for (int i = 0; i < order.length; i++) {
      byLabel.put(labels.get(order[i]), probability[i]);
    }
    String label = labels.get(best);
    return new Prediction(label, byLabel.get(label), byLabel);
  }

  public Recipe recipe() {
    return recipe;
  }

  public List<String> labels() {
    return labels;
  }

  /** What the file says of itself: name, version, when and from what it was trained. */
  public Map<String, String> about() {
    return about;
  }

  /** The version stored with every label this classifier gives. */
  public String version() {
    return about.getOrDefault("version", "unversioned");
  }

  public void save(Writer out) throws IOException {
    out.write(MAGIC + "\n");
    for (var entry : about.entrySet()) {
      out.write(entry.getKey() + ": " + entry.getValue().replace('\n', ' ') + "\n");
    }
    out.write("recipe: " + recipe.encode() + "\n");
    out.write("labels: " + String.join("\t", labels) + "\n");
    out.write("vocabulary: " + vocabulary.size() + "\n");
    String[] byIndex = new String[vocabulary.size() + 1];
    vocabulary.forEach((feature, index) -> byIndex[index] = feature);
    for (int index = 1; index < byIndex.length; index++) {
      out.write(idf[index] + "\t" + byIndex[index] + "\n");
    }
    var model = new StringWriter();
    Linear.saveModel(model, this.model);
    out.write("model:\n");
    out.write(model.toString());
  }

  /** Reads a file written by {@link #save}; a file of another kind is refused with the reason. */
  public static TextClassifier load(Reader in) throws IOException {
    var lines = new BufferedReader(in);
    if (!MAGIC.equals(lines.readLine())) {
      throw new IOException("not a YKien text classifier file (first line is not '" + MAGIC + "')");
    }
    Map<String, String> about = new LinkedHashMap<>();
    Recipe recipe = null;
    List<String> labels = List.of();
    Map<String, Integer> vocabulary = new HashMap<>();
    double[] idf = new double[0];
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      int colon = line.indexOf(": ");
      String key = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 2);
      switch (key) {
        case "recipe" -> recipe = Recipe.decode(value);
        case "labels" -> labels = List.of(value.split("\t"));
        case "vocabulary" -> {
          int size = Integer.parseInt(value.trim());
          idf = new double[size + 1];
          for (int index = 1; index <= size; index++) {
            String entry = lines.readLine();
            if (entry == null) {
              throw new IOException("the vocabulary ends early, at " + index + " of " + size);
            }
            int tab = entry.indexOf('\t');
            idf[index] = Double.parseDouble(entry.substring(0, tab));
            vocabulary.put(entry.substring(tab + 1), index);
          }
        }
        case "model:" -> {
          StringBuilder rest = new StringBuilder();
          for (String modelLine = lines.readLine(); modelLine != null; modelLine = lines.readLine()) {
            rest.append(modelLine).append('\n');
          }
          if (recipe == null || labels.isEmpty()) {
            throw new IOException("the file has no recipe or no labels before its model");
          }
          Model model = Linear.loadModel(new StringReader(rest.toString()));
          return new TextClassifier(recipe, Map.copyOf(vocabulary), idf, labels, model, about);
        }
        default -> about.put(key, value);
      }
    }
    throw new IOException("the file ends before its model");
  }

  /** Accuracy and weighted F1 of this classifier on labelled examples. */
  public Scores score(List<Example> examples) {
    List<String> predicted = examples.stream().map(e -> predict(e.text()).label()).toList();
    return Scores.of(examples.stream().map(Example::label).toList(), predicted);
  }

  /**
   * The recipe with the best mean weighted F1 over {@code folds}-fold cross-validation on the
   * examples (a fixed shuffle, so the choice is repeatable); never looks at any other data.
   */
  public static Selection select(List<Example> examples, List<Recipe> recipes, int folds, long seed) {
    List<Example> shuffled = new ArrayList<>(examples);
    java.util.Collections.shuffle(shuffled, new Random(seed));
    Map<Recipe, Double> results = new LinkedHashMap<>();
    for (Recipe recipe : recipes) {
      double sum = 0;
      for (int fold = 0; fold < folds; fold++) {
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i++) {
          (i % folds == fold ? test : train).add(shuffled.get(i));
        }
        sum += train(train, recipe, Map.of()).score(test).weightedF1();
      }
      results.put(recipe, sum / folds);
    }
    Recipe best =
        results.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    return new Selection(best, results.get(best), results);
  }

  /** The recipe chosen by cross-validation, its mean weighted F1, and every candidate's. */
  public record Selection(Recipe best, double weightedF1, Map<Recipe, Double> candidates) {}

  /** Accuracy and weighted F1 (each label's F1 weighted by its share of the true labels). */
  public record Scores(double accuracy, double weightedF1, int examples) {

    public static Scores of(List<String> truth, List<String> predicted) {
      Map<String, int[]> counts = new TreeMap<>(); // true positives, predicted, actual
      int correct = 0;
      for (int i = 0; i < truth.size(); i++) {
        String actual = truth.get(i);
        String guess = predicted.get(i);
        counts.computeIfAbsent(actual, l -> new int[3])[2]++;
        counts.computeIfAbsent(guess, l -> new int[3])[1]++;
        if (actual.equals(guess)) {
          counts.get(actual)[0]++;
          correct++;
        }
      }
      double weighted = 0;
      for (int[] c : counts.values()) {
        double precision = c[1] == 0 ? 0 : c[0] / (double) c[1];
        double recall = c[2] == 0 ? 0 : c[0] / (double) c[2];
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        weighted += f1 * c[2];
      }
      int n = truth.size();
      return new Scores(n == 0 ? 0 : correct / (double) n, n == 0 ? 0 : weighted / n, n);
    }
  }

  static Map<String, Integer> features(String text, Recipe recipe) {
    return features(Syllables.of(text), recipe);
  }

  public static Map<String, Integer> features(Syllables text, Recipe recipe) {
    Map<String, Integer> counts = new HashMap<>();
    addGrams(counts, "w:", text.accented());
    if (recipe.negation()) {
      List<String> syllables = text.accented();
      for (int i = 0; i < syllables.size(); i++) {
        if (NEGATORS.contains(syllables.get(i))) {
          for (int j = i + 1; j <= Math.min(syllables.size() - 1, i + NEGATION_SCOPE); j++) {
            counts.merge("n:" + syllables.get(j), 1, Integer::sum);
          }
        }
      }
    }
    if (recipe.folded()) {
      addGrams(counts, "f:", text.folded());
    }
    if (recipe.characters()) {
      String joined = " " + String.join(" ", text.folded()) + " ";
      for (int n = 2; n <= 4; n++) {
        for (int i = 0; i + n <= joined.length(); i++) {
          counts.merge("c:" + joined.substring(i, i + n), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static void addGrams(Map<String, Integer> counts, String prefix, List<String> syllables) {
    for (int i = 0; i < syllables.size(); i++) {
      counts.merge(prefix + syllables.get(i), 1, Integer::sum);
      if (i + 1 < syllables.size()) {
        counts.merge(prefix + syllables.get(i) + " " + syllables.get(i + 1), 1, Integer::sum);
      }
    }
  }

  private static Feature[] vector(
      Map<String, Integer> counts, Map<String, Integer> vocabulary, double[] idf, Recipe recipe) {
    List<FeatureNode> nodes = new ArrayList<>(counts.size());
    double norm = 0;
    for (var entry : counts.entrySet()) {
      Integer index = vocabulary.get(entry.getKey());
      if (index == null) {
        continue;
      }
      double value =
          switch (recipe.weighting()) {
            case COUNTS -> entry.getValue();
            case BINARY -> 1;
            case TF_IDF -> (1 + Math.log(entry.getValue())) * idf[index];
          };
      nodes.add(new FeatureNode(index, value));
      norm += value * value;
    }
    if (recipe.weighting() == Weighting.TF_IDF && norm > 0) {
      double length = Math.sqrt(norm);
      nodes.forEach(node -> node.setValue(node.getValue() / length));
    }
    nodes.sort((a, b) -> Integer.compare(a.index, b.index));
    nodes.add(new FeatureNode(vocabulary.size() + 1, 1)); // LIBLINEAR's bias term
    return nodes.toArray(Feature[]::new);
  }
}
