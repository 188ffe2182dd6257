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
 * <p>Learnt when every one of at least two items has {@value #MIN_PER_ITEM} such comments, and
 * again only when the examples have grown by half: each new model changes the classifier's
 * version, and so re-classifies the stored comments.
 */
@Component
public class ItemModels {

  private static final Logger log = LoggerFactory.getLogger(ItemModels.class);

  static final int MIN_PER_ITEM = 5;
  static final Duration CHECK_EVERY = Duration.ofMinutes(5);
  static final TextClassifier.Recipe RECIPE =
      new TextClassifier.Recipe(TextClassifier.Weighting.BINARY, false, true, false, 2);

  private record Learnt(@Nullable TextClassifier model, int examples, Instant checkedAt) {}

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
    List<Example> examples = examples(consultationId);
    int had = current == null ? 0 : current.examples();
    TextClassifier model = current == null ? null : current.model();
    if ((model == null || examples.size() >= had * 3 / 2) && enough(examples)) {
      model = learn(examples);
      had = examples.size();
      log.info("Item model {} learnt for consultation {} from {} comments", model.version(), consultationId, had);
    }
    learnt.put(consultationId, new Learnt(model, had, now));
    return model;
  }

  /** Forgets what was learnt: the next call looks again at once (after an analyst's keyword). */
  public void forget(long consultationId) {
    learnt.remove(consultationId);
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

  private List<Example> examples(long consultationId) {
    List<Example> examples =
        new java.util.ArrayList<>(
            jdbc.sql(
                    """
                    select distinct c.text, ci.item_id
                    from classification.comment c
                    join classification.comment_item ci on ci.comment_id = c.id
                    where c.consultation_id = ? and ci.signal in ('CITATION', 'KEYWORD')
                    order by ci.item_id, c.text
                    """)
                .param(consultationId)
                .query((rs, n) -> new Example(rs.getString(1), Long.toString(rs.getLong(2))))
                .list());
    if (!examples.isEmpty()) {
      // As many readable comments that matched no item at all, the most recent first.
      examples.addAll(
          jdbc.sql(
                  """
                  select distinct on (c.campaign_id) c.text from classification.comment c
                  where c.consultation_id = ? and c.unclear is null and c.item_id is null
                    and not exists (select 1 from classification.comment_item ci where ci.comment_id = c.id)
                  order by c.campaign_id desc limit ?
                  """)
              .params(consultationId, examples.size())
              .query((rs, n) -> new Example(rs.getString(1), OUTSIDE))
              .list());
    }
    return examples;
  }
}
