import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.classification.CommentClassification;
import vn.ykien.classification.internal.CommentClassifier;
import vn.ykien.classification.internal.StanceModel;
import vn.ykien.classification.text.NearDuplicates;
import vn.ykien.consultation.DraftItem;
import vn.ykien.shared.Localized;

/**
 * bench/classify-throughput.sh: what the classifier does per comment (article mapping against the
 * demo draft's items, stance, MinHash signature and LSH band lookup against every earlier comment's
 * bands), on one thread and then on every core, over real Vietnamese sentences. The database
 * writes that follow in the platform are not included (they are measured by the submit benches).
 */
class ClassifyThroughput {

  public static void main(String[] args) throws Exception {
    Path draft = Path.of(args[0]);
    Path sentences = Path.of(args[1]);
    int seconds = Integer.parseInt(args[2]);
    List<String> comments = new ArrayList<>(Files.readAllLines(sentences));
    if (args.length > 3) {
      var json = JsonMapper.builder().build();
      json.readTree(Path.of(args[3]).toFile()).forEach(q -> comments.add(q.get("text").asString()));
    }
    List<DraftItem> items = new ArrayList<>();
    JsonNode root = JsonMapper.builder().build().readTree(draft.toFile());
    long id = 1;
    for (JsonNode item : root.get("items")) {
      items.add(new DraftItem(id++, 1, (int) id, item.get("code").asString(),
          item.has("article") ? Integer.valueOf(item.get("article").asString()) : null,
          localized(item.get("label")), localized(item.get("title")), localized(item.get("summary")),
          null, null, null, null, false));
    }
    var classifier = new CommentClassifier(items, Map.of(), StanceModel.fromSeed(), null);
    System.out.printf("comments=%d (mean %d characters) items=%d stance-model=%s%n", comments.size(),
        comments.stream().mapToInt(String::length).sum() / comments.size(), items.size(), classifier.version());

    run(classifier, comments, 1, Math.max(3, seconds / 3), "warm-up");
    double single = run(classifier, comments, 1, seconds, "1 thread");
    int cores = Runtime.getRuntime().availableProcessors();
    double all = run(classifier, comments, cores, seconds, cores + " threads");
    System.gc();
    Thread.sleep(200);
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.printf("heap_after_gc_mb=%.1f%n", heap / 1048576.0);
    System.out.printf("comments_per_second_per_core=%.0f comments_per_second_all_cores=%.0f cores=%d%n",
        single, all, cores);
  }

  static double run(CommentClassifier classifier, List<String> comments, int threads, int seconds, String label)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    AtomicLong candidates = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread worker = new Thread(() -> {
        Map<Long, Integer> bands = new HashMap<>();
        int i = offset * 997;
        long local = 0;
        while (System.nanoTime() < deadline) {
          String comment = comments.get(i++ % comments.size());
          CommentClassifier.Reading reading = classifier.read(comment, null);
          CommentClassification read = reading.classification();
          int[] signature = reading.signature();
          if (signature != null) {
            for (long band : NearDuplicates.bands(signature)) {
              if (bands.putIfAbsent(band, i) != null) {
                candidates.incrementAndGet();
              }
            }
          }
          if (read.version().isEmpty()) {
            throw new IllegalStateException();
          }
          local++;
        }
        done.addAndGet(local);
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double rate = done.get() / (double) seconds;
    System.out.printf("%-10s %d comments in %d s: %.0f comments/s (band collisions %d)%n", label, done.get(), seconds, rate, candidates.get());
    return rate;
  }

  static Localized localized(JsonNode node) {
    return new Localized(node.get("vi").asString(), node.get("en").asString());
  }
}
