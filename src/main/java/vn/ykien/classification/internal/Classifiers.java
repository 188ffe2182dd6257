package vn.ykien.classification.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.ykien.classification.text.TextClassifier;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.DraftItem;

/**
 * One {@link CommentClassifier} per consultation, built on first use and again when the draft's
 * items, an analyst's keywords or the consultation's item model change.
 */
@Component
public class Classifiers {

  private record Built(
      List<DraftItem> items,
      Map<Long, List<String>> keywords,
      @org.jspecify.annotations.Nullable TextClassifier itemModel,
      CommentClassifier classifier) {}

  private final Consultations consultations;
  private final CommentStore store;
  private final TextClassifier stance;
  private final Map<Long, Built> built = new ConcurrentHashMap<>();

  private final ItemModels itemModels;

  Classifiers(Consultations consultations, CommentStore store, StanceModel stance, ItemModels itemModels) {
    this.itemModels = itemModels;
    this.consultations = consultations;
    this.store = store;
    this.stance = stance.classifier();
  }

  public CommentClassifier forConsultation(long consultationId) {
    List<DraftItem> items = consultations.items(consultationId);
    Map<Long, List<String>> keywords = store.keywords(items.stream().map(DraftItem::id).toList());
    TextClassifier itemModel = itemModels.forConsultation(consultationId);
    Built current = built.get(consultationId);
    if (current != null
        && current.items().equals(items)
        && current.keywords().equals(keywords)
        && current.itemModel() == itemModel) {
      return current.classifier();
    }
    var classifier = new CommentClassifier(items, keywords, stance, itemModel);
    built.put(consultationId, new Built(items, keywords, itemModel, classifier));
    return classifier;
  }
}
