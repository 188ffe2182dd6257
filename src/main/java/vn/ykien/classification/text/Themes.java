package vn.ykien.classification.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Themes in a set of comments: groups of comments about the same thing, each with its size, the
 * terms that set it apart and the comments closest to its centre. Spherical k-means over tf-idf
 * vectors of syllable 1–2-grams (the cosine between comments), seeded with k-means++ from a fixed
 * seed so that the same comments give the same themes.
 *
 * <p>Each comment has a weight (the people who sent that wording): copies of one text count for
 * every sender but do not pull the themes towards themselves as thousands of separate points would.
 */
public final class Themes {

  /** A comment to group: its text and how many people sent it. */
  public record Weighted(String text, int people) {}

  /** A theme: the people in it, its distinctive terms, and its comments from the most central (indexes). */
  public record Theme(int people, List<String> terms, List<Integer> representatives) {}

  private static final int ITERATIONS = 15;
  private static final int RESTARTS = 5;
  private static final int TERMS = 5;

  private Themes() {}

  /**
   * At most {@code maxThemes} themes, largest first; the number grows with the square root of the
   * comments (about one per 50 distinct texts).
   */
  public static List<Theme> of(List<Weighted> comments, int maxThemes) {
    return of(comments, maxThemes, wordings -> true);
  }

  /**
   * As {@link #of(List, int)}, where a term may describe a theme only if {@code shown} accepts the
   * theme's comments that use it (their indexes): e.g. only if enough distinct people wrote them,
   * so that a word one person used (a name, a place) never becomes a theme's term.
   */
  public static List<Theme> of(
      List<Weighted> comments, int maxThemes, java.util.function.Predicate<List<Integer>> shown) {
    Map<String, Map<String, Integer>> surfaces = new HashMap<>();
    List<Map<String, Double>> vectors = vectors(comments, surfaces);
    List<Integer> readable = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      if (!vectors.get(i).isEmpty()) {
        readable.add(i);
      }
    }
    if (readable.isEmpty()) {
      return List.of();
    }
    int k = Math.max(1, Math.min(maxThemes, (int) Math.round(Math.sqrt(readable.size() / 12.5))));
    k = Math.min(k, readable.size());
    // k-means finds a local optimum: of a few seedings, keep the tightest grouping.
    int[] assigned = null;
    List<Map<String, Double>> centres = null;
    double tightest = Double.MAX_VALUE;
    for (int restart = 0; restart < RESTARTS; restart++) {
      List<Map<String, Double>> tried = seeds(readable, vectors, k, new Random(20250506L + restart));
      int[] grouping = new int[vectors.size()];
      java.util.Arrays.fill(grouping, -1);
      for (int round = 0; round < ITERATIONS; round++) {
        boolean moved = false;
        for (int i : readable) {
          int best = nearest(vectors.get(i), tried);
          if (best != grouping[i]) {
            grouping[i] = best;
            moved = true;
          }
        }
        tried = centres(readable, vectors, comments, grouping, k);
        if (!moved) {
          break;
        }
      }
      double spread = 0;
      for (int i : readable) {
        spread += comments.get(i).people() * (1 - cosine(vectors.get(i), tried.get(grouping[i])));
      }
      if (spread < tightest) {
        tightest = spread;
        assigned = grouping;
        centres = tried;
      }
    }
    int[] chosen = assigned;
    Map<String, Double> everywhere = centres(readable, vectors, comments, new int[vectors.size()], 1).getFirst();
    List<Theme> themes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      int cluster = c;
      List<Integer> members = readable.stream().filter(i -> chosen[i] == cluster).toList();
      if (members.isEmpty()) {
        continue;
      }
      int people = members.stream().mapToInt(i -> comments.get(i).people()).sum();
      Map<String, Double> centre = centres.get(c);
      List<Integer> closest =
          members.stream()
              .sorted(Comparator.comparingDouble((Integer i) -> -cosine(vectors.get(i), centre)).thenComparing(i -> i))
              .toList();
      java.util.function.Function<String, String> surface =
          term -> surfaces.getOrDefault(term, Map.of(term, 1)).entrySet().stream()
              .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey)
              .orElse(term);
      java.util.function.Predicate<String> allowed =
          term -> shown.test(members.stream().filter(i -> vectors.get(i).containsKey(term)).toList());
      List<String> terms = distinctive(centre, everywhere, surface, allowed).stream().map(surface).toList();
      themes.add(new Theme(people, terms, closest));
    }
    themes.sort(Comparator.comparingInt(Theme::people).reversed());
    return themes;
  }

  /**
   * Function words that say nothing of a theme's subject (the, of, and, to, be…), left out of its
   * terms only; they still count in the grouping.
   */
  private static final Set<String> FUNCTION_WORDS =
      Set.of("và", "của", "là", "có", "được", "cho", "với", "các", "những", "này", "thì", "mà", "ở",
          "trong", "khi", "để", "một", "đã", "sẽ", "đang", "cũng", "nên", "rất", "như", "vì", "thế",
          "nào", "tôi", "chúng", "ta", "theo", "về", "từ", "lại", "ra", "vào", "đến", "nữa", "hơn",
          "lần", "số");

  private static final Set<String> FOLDED_FUNCTION_WORDS =
      FUNCTION_WORDS.stream().map(VietnameseText::fold).collect(java.util.stream.Collectors.toSet());

  /** A function word as shown: accented, or typed without diacritics (then any reading of it). */
  private static boolean functionWord(String shown) {
    return FUNCTION_WORDS.contains(shown)
        || (shown.equals(VietnameseText.fold(shown)) && FOLDED_FUNCTION_WORDS.contains(shown));
  }

  /**
   * The centre's heaviest terms relative to all comments, the bigrams among the strongest first
   * (Vietnamese words are often two syllables: "sáp nhập", "trụ sở"); a syllable of a chosen
   * bigram is not repeated alone, and function words and terms not {@code allowed} are left out
   * (tested only for the terms that come near being chosen).
   */
  private static List<String> distinctive(
      Map<String, Double> centre,
      Map<String, Double> everywhere,
      java.util.function.Function<String, String> surface,
      java.util.function.Predicate<String> allowed) {
    List<String> ranked =
        centre.entrySet().stream()
            .sorted(
                Comparator.comparingDouble(
                        (Map.Entry<String, Double> e) ->
                            -e.getValue() * e.getValue() / (everywhere.getOrDefault(e.getKey(), 0.0) + 1e-9))
                    .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey)
            .filter(term -> !functionWord(surface.apply(term)))
            .filter(allowed)
            .limit(4L * TERMS)
            .toList();
    List<String> chosen = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (String term : ranked.subList(0, Math.min(ranked.size(), 2 * TERMS))) {
      if (chosen.size() == TERMS) {
        break;
      }
      if (term.contains(" ")) {
        String[] parts = term.split(" ");
        String[] shown = surface.apply(term).split(" ");
        if (shown.length == 2 && functionWord(shown[0]) && functionWord(shown[1])) {
          continue;
        }
        chosen.add(term);
        covered.addAll(List.of(parts));
      }
    }
    for (String term : ranked) {
      if (chosen.size() == TERMS) {
        break;
      }
      if (!term.contains(" ") && !covered.contains(term)) {
        chosen.add(term);
      }
    }
    return chosen;
  }

  /**
   * Comments are compared without diacritics ("đồng ý" and "dong y" are one term); each folded
   * term is shown in the accented form people used most ({@code surfaces}).
   */
  private static List<Map<String, Double>> vectors(List<Weighted> comments, Map<String, Map<String, Integer>> surfaces) {
    List<Map<String, Integer>> counts = new ArrayList<>();
    Map<String, Integer> documentFrequency = new HashMap<>();
    for (Weighted comment : comments) {
      Syllables syllables = Syllables.of(comment.text());
      Map<String, Integer> grams = PassageIndex.grams(syllables.folded());
      List<String> accented = new ArrayList<>(PassageIndex.grams(syllables.accented()).keySet());
      List<String> folded = new ArrayList<>(grams.keySet());
      // grams() lists unigrams and bigrams in the same order for both forms, except where two
      // accented grams fold to one: then the first accented form stands for it.
      for (int i = 0, j = 0; i < folded.size() && j < accented.size(); j++) {
        if (VietnameseText.fold(accented.get(j)).equals(folded.get(i))) {
          surfaces.computeIfAbsent(folded.get(i), f -> new HashMap<>()).merge(accented.get(j), comment.people(), Integer::sum);
          i++;
        }
      }
      counts.add(grams);
      grams.keySet().forEach(gram -> documentFrequency.merge(gram, 1, Integer::sum));
    }
    int n = comments.size();
    List<Map<String, Double>> vectors = new ArrayList<>();
    for (Map<String, Integer> grams : counts) {
      Map<String, Double> vector = new HashMap<>();
      double norm = 0;
      for (var gram : grams.entrySet()) {
        int df = documentFrequency.get(gram.getKey());
        if (df < 2 && n > 20) {
          continue; // a term only one comment has cannot join comments together
        }
        double weight = (1 + Math.log(gram.getValue())) * (Math.log((1.0 + n) / (1.0 + df)) + 1);
        if (weight > 0) {
          vector.put(gram.getKey(), weight);
          norm += weight * weight;
        }
      }
      double length = Math.sqrt(norm);
      vector.replaceAll((gram, weight) -> weight / length);
      vectors.add(vector);
    }
    return vectors;
  }

  /** k-means++: each next seed drawn with probability growing with its distance from the chosen ones. */
  private static List<Map<String, Double>> seeds(
      List<Integer> readable, List<Map<String, Double>> vectors, int k, Random random) {
    List<Map<String, Double>> seeds = new ArrayList<>();
    seeds.add(vectors.get(readable.get(random.nextInt(readable.size()))));
    while (seeds.size() < k) {
      double[] distance = new double[readable.size()];
      double total = 0;
      for (int j = 0; j < readable.size(); j++) {
        Map<String, Double> vector = vectors.get(readable.get(j));
        double best = 1 - seeds.stream().mapToDouble(seed -> cosine(vector, seed)).max().orElse(0);
        distance[j] = best * best;
        total += distance[j];
      }
      if (total <= 0) {
        break;
      }
      double pick = random.nextDouble() * total;
      int chosen = 0;
      for (double sum = distance[0]; sum < pick && chosen < distance.length - 1; sum += distance[++chosen]) {
        // walk to the drawn comment
      }
      seeds.add(vectors.get(readable.get(chosen)));
    }
    return seeds;
  }

  private static List<Map<String, Double>> centres(
      List<Integer> readable, List<Map<String, Double>> vectors, List<Weighted> comments, int[] assigned, int k) {
    List<Map<String, Double>> centres = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      centres.add(new HashMap<>());
    }
    for (int i : readable) {
      Map<String, Double> centre = centres.get(assigned[i]);
      int weight = comments.get(i).people();
      vectors.get(i).forEach((gram, value) -> centre.merge(gram, value * weight, Double::sum));
    }
    for (Map<String, Double> centre : centres) {
      double length = Math.sqrt(centre.values().stream().mapToDouble(v -> v * v).sum());
      if (length > 0) {
        centre.replaceAll((gram, value) -> value / length);
      }
    }
    return centres;
  }

  private static int nearest(Map<String, Double> vector, List<Map<String, Double>> centres) {
    int best = 0;
    double bestCosine = -1;
    for (int c = 0; c < centres.size(); c++) {
      double similarity = cosine(vector, centres.get(c));
      if (similarity > bestCosine) {
        best = c;
        bestCosine = similarity;
      }
    }
    return best;
  }

  private static double cosine(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    for (var entry : small.entrySet()) {
      Double other = large.get(entry.getKey());
      if (other != null) {
        dot += entry.getValue() * other;
      }
    }
    return dot;
  }
}
