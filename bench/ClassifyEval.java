import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.classification.text.PassageIndex;
import vn.ykien.classification.text.TextClassifier;
import vn.ykien.classification.text.TextClassifier.Example;
import vn.ykien.classification.text.TextClassifier.Recipe;
import vn.ykien.classification.text.TextClassifier.Scores;
import vn.ykien.classification.text.TextClassifier.Selection;
import vn.ykien.classification.text.PassageIndex.Hit;
import vn.ykien.classification.text.PassageIndex.Method;
import vn.ykien.classification.text.PassageIndex.Passage;

/**
 * bench/classify-eval.sh's measurements, on the project's own classes (run as a single-file
 * source with the built classpath). ALQAC: article retrieval for legal questions, plain BM25 and
 * ours, top-1/top-3 within the question's law and over the whole corpus.
 */
class ClassifyEval {

  public static void main(String[] args) throws Exception {
    String alqac = alqac(Path.of(args[0]));
    String vsfc = vsfc(Path.of(args[1]));
    System.out.println(alqac + " " + vsfc);
  }

  static String vsfc(Path directory) throws Exception {
    double ours = 0;
    double plain = 0;
    for (String task : List.of("sentiments", "topics")) {
      List<Example> train = examples(directory.resolve("train"), task);
      List<Example> dev = examples(directory.resolve("dev"), task);
      long started = System.nanoTime();
      Scores baseline = TextClassifier.train(train, Recipe.PLAIN, Map.of()).score(dev);
      System.out.printf("vsfc %-10s plain LR  train=%d dev=%d accuracy=%.3f weighted_f1=%.3f (%d ms)%n",
          task, train.size(), dev.size(), baseline.accuracy(), baseline.weightedF1(),
          (System.nanoTime() - started) / 1_000_000);
      started = System.nanoTime();
      Selection chosen = TextClassifier.select(train, TextClassifier.CANDIDATES, 5, 2025);
      chosen.candidates().forEach((recipe, f1) ->
          System.out.printf("vsfc %-10s   5-fold CV on train: %-32s weighted_f1=%.3f%n", task, recipe, f1));
      Scores scored = TextClassifier.train(train, chosen.best(), Map.of()).score(dev);
      System.out.printf("vsfc %-10s ours (%s, chosen by CV)  accuracy=%.3f weighted_f1=%.3f (%d ms)%n",
          task, chosen.best(), scored.accuracy(), scored.weightedF1(), (System.nanoTime() - started) / 1_000_000);
      if (task.equals("sentiments")) {
        ours = scored.weightedF1();
        plain = baseline.weightedF1();
      }
    }
    return String.format("vsfc_sentiment_wf1=%.3f vsfc_lr_wf1=%.3f", ours, plain);
  }

  static List<Example> examples(Path directory, String task) throws Exception {
    List<String> texts = Files.readAllLines(directory.resolve("sents.txt"));
    List<String> labels = Files.readAllLines(directory.resolve(task + ".txt"));
    if (texts.size() != labels.size()) {
      throw new IllegalArgumentException(directory + ": " + texts.size() + " sentences but " + labels.size() + " labels");
    }
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      examples.add(new Example(texts.get(i), labels.get(i).trim()));
    }
    return examples;
  }

  static String alqac(Path questions) throws Exception {
    Path articles = questions.resolveSibling("articles.json");
    var json = JsonMapper.builder().build();
    List<Passage> passages = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : json.readTree(articles.toFile()).properties()) {
      String key = entry.getKey();
      String law = key.substring(0, key.lastIndexOf('@'));
      String text = entry.getValue().asString();
      int newline = text.indexOf('\n');
      String title = newline < 0 ? "" : text.substring(0, newline);
      String body = newline < 0 ? text : text.substring(newline + 1);
      passages.add(new Passage(key, law, title, body, List.of()));
    }
    List<JsonNode> asked = new ArrayList<>();
    json.readTree(questions.toFile()).forEach(asked::add);
    double ours = 0;
    double plain = 0;
    for (Method method : Method.values()) {
      long started = System.nanoTime();
      PassageIndex index = PassageIndex.build(passages, method);
      int[] within = new int[2];
      int[] whole = new int[2];
      for (JsonNode question : asked) {
        JsonNode relevant = question.get("relevant_articles").get(0);
        String law = relevant.get("law_id").asString();
        String wanted = law + "@" + relevant.get("article_id").asString();
        count(index.search(question.get("text").asString(), law, 3), wanted, within);
        count(index.search(question.get("text").asString(), null, 3), wanted, whole);
      }
      int n = asked.size();
      System.out.printf(
          "alqac %-6s questions=%d articles=%d within-law top1=%.3f top3=%.3f  whole-corpus top1=%.3f top3=%.3f  (%d ms)%n",
          method, n, index.size(), within[0] / (double) n, within[1] / (double) n,
          whole[0] / (double) n, whole[1] / (double) n, (System.nanoTime() - started) / 1_000_000);
      if (method == Method.PLAIN) {
        plain = within[0] / (double) n;
      } else {
        ours = within[0] / (double) n;
      }
    }
    // What each extra field brings: ours with one left out (informational; nothing is chosen by it).
    PassageIndex fields = PassageIndex.build(passages, Method.FIELDS);
    for (PassageIndex.Extra leftOut : PassageIndex.Extra.values()) {
      int[] within = new int[2];
      for (JsonNode question : asked) {
        JsonNode relevant = question.get("relevant_articles").get(0);
        String law = relevant.get("law_id").asString();
        String wanted = law + "@" + relevant.get("article_id").asString();
        count(fields.search(question.get("text").asString(), law, 3, java.util.Set.of(leftOut)), wanted, within);
      }
      System.out.printf("alqac FIELDS without %-8s within-law top1=%.3f top3=%.3f%n", leftOut,
          within[0] / (double) asked.size(), within[1] / (double) asked.size());
    }
    // Questions typed without diacritics, as some citizens write.
    for (Method method : Method.values()) {
      PassageIndex index = method == Method.FIELDS ? fields : PassageIndex.build(passages, method);
      int[] within = new int[2];
      for (JsonNode question : asked) {
        JsonNode relevant = question.get("relevant_articles").get(0);
        String law = relevant.get("law_id").asString();
        String wanted = law + "@" + relevant.get("article_id").asString();
        String undiacritised = vn.ykien.classification.text.VietnameseText.fold(question.get("text").asString());
        count(index.search(undiacritised, law, 3), wanted, within);
      }
      System.out.printf("alqac %-6s questions typed without diacritics: within-law top1=%.3f top3=%.3f%n", method,
          within[0] / (double) asked.size(), within[1] / (double) asked.size());
    }
    return String.format("alqac_top1=%.3f alqac_bm25_top1=%.3f", ours, plain);
  }

  private static void count(List<Hit> hits, String wanted, int[] counts) {
    for (int rank = 0; rank < hits.size(); rank++) {
      if (hits.get(rank).key().equals(wanted)) {
        if (rank == 0) {
          counts[0]++;
        }
        counts[1]++;
        return;
      }
    }
  }
}
