package vn.ykien.classification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ykien.classification.text.TextClassifier;
import vn.ykien.classification.text.TextClassifier.Example;

/**
 * A model per consultation that maps comments to items, learnt from the comments whose item is
 * known for sure: those that cite the item's article or contain an analyst's keyword for it. It
 * then finds the item in comments that say the same things without citing it.
 *
 * <p>Learnt when at least two items have {@value #MIN_PER_ITEM} such comments each, and again only
 * when the examples have grown by half: each new model changes the classifier's version, and so
 * re-classifies the stored comments. Every server learns the same model from the same comments:
 * the examples are the first 10 × 1.5ⁿ sure comments in the order they were stored.
 */
@Component
public class ItemModels {

  private static final Logger log = LoggerFactory.getLogger(ItemModels.class);

  static final int MIN_PER_ITEM = 5;
  static final Duration CHECK_EVERY = Duration.ofMinutes(5);
  static final TextClassifier.Recipe RECIPE =
      new TextClassifier.Recipe(TextClassifier.Weighting.BINARY, false, true, false, 2);

  private record Learnt(@Nullable TextClassifier model, int bucket, Instant checkedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<Long, Learnt> learnt = new ConcurrentHashMap<>();

  ItemModels(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The consultation's item model, or null while there are too few sure examples. */
  public @Nullable TextClassifier forConsultation(long consultationId) {
    Instant now = clock.instant();
    Learnt current = learnt.get(consultationId);
    if (current != null && current.checkedAt().plus(CHECK_EVERY).isAfter(now)) {
      return current.model();
    }
    List<Example> sure = sureExamples(consultationId);
    int bucket = bucket(sure.size());
    TextClassifier model = current == null ? null : current.model();
    if (current == null || bucket != current.bucket()) {
      List<Example> examples = new java.util.ArrayList<>(sure.subList(0, bucket));
      model = null;
      if (enough(examples)) {
        examples.addAll(outsideExamples(consultationId, bucket));
        model = learn(examples);
        log.info("Item model {} learnt for consultation {} from {} comments", model.version(), consultationId, examples.size());
      }
    }
    learnt.put(consultationId, new Learnt(model, bucket, now));
    return model;
  }

  /** Forgets what was learnt: the next call looks again at once (after an analyst's keyword). */
  public void forget(long consultationId) {
    learnt.remove(consultationId);
  }

  /** The largest 10 × 1.5ⁿ (rounded down) not above {@code size}; 0 below 10. */
  static int bucket(int size) {
    int bucket = 0;
    for (double next = 10; next <= size; next *= 1.5) {
      bucket = (int) next;
    }
    return bucket;
  }

  static TextClassifier learn(List<Example> examples) {
    StringBuilder all = new StringBuilder();
    examples.forEach(e -> all.append(e.label()).append('\t').append(e.text()).append('\n'));
    Map<String, String> about = new LinkedHashMap<>();
    about.put("name", "items");
    about.put("version", "items-" + StanceModel.digest(all.toString().getBytes(StandardCharsets.UTF_8)));
    about.put("trained-from", "comments citing an item or containing its keywords");
    return TextClassifier.train(examples, RECIPE, about);
  }

  static boolean enough(List<Example> examples) {
    Map<String, Long> perItem = new LinkedHashMap<>();
    examples.stream().filter(e -> !e.label().equals(OUTSIDE)).forEach(e -> perItem.merge(e.label(), 1L, Long::sum));
    return perItem.size() >= 2 && perItem.values().stream().allMatch(n -> n >= MIN_PER_ITEM);
  }

  /** The label of comments about none of the items, so that the model can say so too. */
  public static final String OUTSIDE = "outside";

  /**
   * Comments whose item is sure (a citation, a keyword), each wording and item once, taken in
   * turns across the items (the first of each item, then the second of each…) so that the first
   * examples of a bucket cover the items evenly; within an item in the order of the comments'
   * ids, which are random (they carry no arrival order).
   */
  private List<Example> sureExamples(long consultationId) {
    return jdbc.sql(
            """
            select text, item_id from (
              select c.text, ci.item_id,
                     row_number() over (partition by ci.item_id order by min(c.id)) as turn
              from classification.comment c
              join classification.comment_item ci on ci.comment_id = c.id
              where c.consultation_id = ? and ci.signal in ('CITATION', 'KEYWORD')
              group by c.text, ci.item_id) examples
            order by turn, item_id
            """)
        .param(consultationId)
        .query((rs, n) -> new Example(rs.getString(1), Long.toString(rs.getLong(2))))
        .list();
  }

  /**
   * As many readable comments about no item at all, each wording once: a sample in the order of
   * their random ids, not the earliest.
   */
  private List<Example> outsideExamples(long consultationId, int limit) {
    return jdbc.sql(
            """
            select c.text, min(c.id) as first from classification.comment c
            where c.consultation_id = ? and c.unclear is null and c.item_id is null
              and not exists (select 1 from classification.comment_item ci where ci.comment_id = c.id)
            group by c.text
            order by first limit ?
            """)
        .params(consultationId, limit)
        .query((rs, n) -> new Example(rs.getString(1), OUTSIDE))
        .list();
  }
}
