package vn.ykien.classification.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.ykien.classification.CommentClassification;
import vn.ykien.classification.CommentClassification.Unclear;
import vn.ykien.classification.CommentStance;
import vn.ykien.classification.ItemScore;
import vn.ykien.classification.ItemScore.Signal;
import vn.ykien.classification.text.Citation;
import vn.ykien.classification.text.Citations;
import vn.ykien.classification.text.NearDuplicates;
import vn.ykien.classification.text.PassageIndex;
import vn.ykien.classification.text.PassageIndex.Passage;
import vn.ykien.classification.text.Syllables;
import vn.ykien.classification.text.TextClassifier;
import vn.ykien.classification.text.TextClassifier.Prediction;
import vn.ykien.classification.text.VietnameseText;
import vn.ykien.consultation.DraftItem;

/**
 * Reads one comment against one draft: which items it concerns (citations, the item it was
 * written on, BM25 over each item's title, current and proposed wording and an analyst's
 * keywords, and a model trained on analysts' labels where there is one), and its stance. Built
 * once per draft and its keywords; thread-safe.
 */
public final class CommentClassifier {

  /** A passage matching less of the comment than this is not what the comment is about. */
  static final double MIN_COVERAGE = 0.25;

  /** Items whose text score is below this share of the best one are left out. */
  static final double RELATIVE_TO_BEST = 0.6;

  static final double CURRENT_ITEM_SCORE = 0.6;
  static final double KEYWORD_SCORE = 0.8;
  static final double MIN_MODEL_CONFIDENCE = 0.6;
  static final int MAX_ITEMS = 3;

  private final PassageIndex index;
  private final Map<Integer, Long> itemByArticle = new HashMap<>();
  /** Each item's keywords as folded syllables: found in a comment typed with or without diacritics. */
  private final Map<Long, List<List<String>>> keywordSyllables = new HashMap<>();
  private final @Nullable TextClassifier stanceModel;
  private final @Nullable TextClassifier itemModel;
  private final String version;

  /**
   * @param keywords an analyst's keywords per item id
   * @param stanceModel null: every readable comment is NEUTRAL with confidence 0
   * @param itemModel labels are item ids; null when no analyst has labelled comments yet
   */
  public CommentClassifier(
      List<DraftItem> items,
      Map<Long, List<String>> keywords,
      @Nullable TextClassifier stanceModel,
      @Nullable TextClassifier itemModel) {
    List<Passage> passages = new ArrayList<>();
    for (DraftItem item : items) {
      String body =
          String.join(
              "\n",
              item.summary().vi(),
              item.currentText() == null ? "" : item.currentText(),
              item.proposedText() == null ? "" : item.proposedText());
      passages.add(
          new Passage(
              Long.toString(item.id()),
              "draft",
              item.label().vi() + " " + item.title().vi(),
              body,
              keywords.getOrDefault(item.id(), List.of())));
      if (item.article() != null) {
        itemByArticle.put(item.article(), item.id());
      }
      for (String keyword : keywords.getOrDefault(item.id(), List.of())) {
        List<String> folded = Syllables.of(keyword).folded();
        if (!folded.isEmpty()) {
          keywordSyllables.computeIfAbsent(item.id(), i -> new ArrayList<>()).add(folded);
        }
      }
    }
    this.index = PassageIndex.build(passages, PassageIndex.Method.FIELDS);
    this.stanceModel = stanceModel;
    this.itemModel = itemModel;
    // What the mapping reads changes its labels: the items' texts and the analysts' keywords.
    StringBuilder read = new StringBuilder();
    passages.forEach(p -> read.append(p.key()).append('\u0001').append(p.title()).append('\u0001')
        .append(p.body()).append('\u0001').append(String.join("\u0002", p.keywords())).append('\n'));
    this.version =
        "mapping-1-" + StanceModel.digest(read.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "+" + (stanceModel == null ? "no-stance-model" : stanceModel.version())
            + (itemModel == null ? "" : "+" + itemModel.version());
  }

  /** The version stored with every label this classifier gives. */
  public String version() {
    return version;
  }

  /**
   * A comment's classification and its MinHash signature (null when it has no syllables), from
   * one reading of the text.
   */
  public record Reading(CommentClassification classification, int @Nullable [] signature) {}

  /** {@link #classify} and the comment's near-duplicate signature, normalising the text once. */
  public Reading read(String comment, @Nullable Long writtenOn) {
    String normal = VietnameseText.normalise(comment);
    Syllables syllables = Syllables.ofNormalised(normal);
    return new Reading(classify(normal, syllables, writtenOn), NearDuplicates.signature(syllables));
  }

  /** @param writtenOn the item whose form the comment was written in; null for a general comment */
  public CommentClassification classify(String comment, @Nullable Long writtenOn) {
    String normal = VietnameseText.normalise(comment);
    return classify(normal, Syllables.ofNormalised(normal), writtenOn);
  }

  private CommentClassification classify(String normal, Syllables syllables, @Nullable Long writtenOn) {
    if (syllables.isEmpty() || syllables.accented().stream().noneMatch(CommentClassifier::hasLetter)) {
      // Nothing, or only numbers and marks ("100%", an emoji's variation selector).
      return unclear(Unclear.NOTHING_TO_READ);
    }
    if (!syllables.latinScript()) {
      return unclear(Unclear.OTHER_SCRIPT);
    }
    if (!syllables.looksVietnamese()) {
      return unclear(Unclear.OTHER_LANGUAGE);
    }
    Map<Long, ItemScore> scores = new HashMap<>();
    for (Citation citation : Citations.inNormalised(normal)) {
      Long item = itemByArticle.get(citation.article());
      if (item != null) {
        keepBest(scores, new ItemScore(item, 1.0, Signal.CITATION));
      }
    }
    if (writtenOn != null) {
      keepBest(scores, new ItemScore(writtenOn, CURRENT_ITEM_SCORE, Signal.CURRENT_ITEM));
    }
    for (var item : keywordSyllables.entrySet()) {
      if (item.getValue().stream().anyMatch(keyword -> java.util.Collections.indexOfSubList(syllables.folded(), keyword) >= 0)) {
        keepBest(scores, new ItemScore(item.getKey(), KEYWORD_SCORE, Signal.KEYWORD));
      }
    }
    List<PassageIndex.Hit> hits = index.search(syllables, null, MAX_ITEMS);
    if (!hits.isEmpty()) {
      double best = hits.getFirst().score();
      for (PassageIndex.Hit hit : hits) {
        if (hit.coverage() >= MIN_COVERAGE && hit.score() >= RELATIVE_TO_BEST * best) {
          keepBest(scores, new ItemScore(Long.parseLong(hit.key()), round(hit.coverage()), Signal.TEXT));
        }
      }
    }
    if (itemModel != null) {
      Prediction predicted = itemModel.predict(syllables);
      if (predicted.confidence() >= MIN_MODEL_CONFIDENCE && !predicted.label().equals(ItemModels.OUTSIDE)) {
        keepBest(scores, new ItemScore(Long.parseLong(predicted.label()), round(predicted.confidence()), Signal.MODEL));
      }
    }
    List<ItemScore> items =
        scores.values().stream()
            .sorted(Comparator.comparingDouble(ItemScore::score).reversed().thenComparing(ItemScore::itemId))
            .limit(MAX_ITEMS)
            .toList();
    if (stanceModel == null) {
      return new CommentClassification(items, CommentStance.NEUTRAL, 0, null, version);
    }
    Prediction stance = stanceModel.predict(syllables);
    return new CommentClassification(
        items, CommentStance.valueOf(stance.label()), round(stance.confidence()), null, version);
  }

  private CommentClassification unclear(Unclear why) {
    return new CommentClassification(List.of(), CommentStance.UNCLEAR, 1, why, version);
  }

  private static boolean hasLetter(String syllable) {
    return syllable.chars().anyMatch(Character::isLetter);
  }

  private static void keepBest(Map<Long, ItemScore> scores, ItemScore candidate) {
    scores.merge(candidate.itemId(), candidate, (a, b) -> b.score() > a.score() ? b : a);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
