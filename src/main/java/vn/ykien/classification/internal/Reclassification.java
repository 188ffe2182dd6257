package vn.ykien.classification.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ykien.classification.CommentClassification;
import vn.ykien.classification.CommentTallies;

/**
 * Brings every stored label to the current classifier's version: after a new stance model,
 * changed item texts or new keywords. Works in batches, each in its own transaction and marked
 * by the version it writes, so it resumes where it stopped after a crash or a restart; several
 * servers share the work (rows are locked, busy ones skipped). Analysts' corrections are kept.
 */
@Component
public class Reclassification {

  private static final Logger log = LoggerFactory.getLogger(Reclassification.class);
  static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final Classifiers classifiers;
  private final TransactionTemplate transactions;
  private final CommentStore store;
  private final CommentTallies tallies;

  Reclassification(
      JdbcClient jdbc,
      Classifiers classifiers,
      TransactionTemplate transactions,
      CommentStore store,
      CommentTallies tallies) {
    this.store = store;
    this.tallies = tallies;
    this.jdbc = jdbc;
    this.classifiers = classifiers;
    this.transactions = transactions;
  }

  /** Progress of a consultation's labels: how many carry an older version than the current one. */
  public record Progress(long consultationId, String version, long outdated, long total) {}

  public Progress progress(long consultationId) {
    String version = classifiers.forConsultation(consultationId).version();
    return jdbc.sql(
            """
            select count(*) filter (where version <> :version) as outdated, count(*) as total
            from classification.comment where consultation_id = :consultation
            """)
        .param("version", version)
        .param("consultation", consultationId)
        .query((rs, n) -> new Progress(consultationId, version, rs.getLong("outdated"), rs.getLong("total")))
        .single();
  }

  /** Re-classifies one batch of outdated labels; returns how many. */
  public int batch(long consultationId, int size) {
    CommentClassifier classifier = classifiers.forConsultation(consultationId);
    Integer done =
        transactions.execute(
            status -> {
              record Outdated(long id, String author, String text, @Nullable Long itemId) {}
              List<Outdated> rows =
                  jdbc.sql(
                          """
                          select id, author, text, item_id from classification.comment
                          where consultation_id = ? and version <> ?
                          order by id limit ? for update skip locked
                          """)
                      .params(consultationId, classifier.version(), size)
                      .query((rs, n) -> new Outdated(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4)))
                      .list();
              for (Outdated row : rows) {
                CommentClassification read = classifier.classify(row.text(), row.itemId());
                jdbc.sql(
                        """
                        update classification.comment
                        set version = ?, stance = ?, stance_confidence = ?, unclear = ?
                        where id = ?
                        """)
                    .params(read.version(), read.stance().name(), read.stanceConfidence(),
                        read.unclear() == null ? null : read.unclear().name(), row.id())
                    .update();
                store.writeItems(row.id(), read.items());
              }
              // A new reading moves the person's counts: from their old stance or items to the new ones.
              tallies.retally(consultationId, rows.stream().map(Outdated::author).toList());
              return rows.size();
            });
    return done == null ? 0 : done;
  }

  /** Runs batches until no label of the consultation is outdated; returns how many were redone. */
  public long all(long consultationId) {
    long total = 0;
    for (int done = batch(consultationId, BATCH); done > 0; done = batch(consultationId, BATCH)) {
      total += done;
    }
    return total;
  }

  /** Every few minutes: whatever is outdated in any consultation, a few batches at a time. */
  @Scheduled(fixedDelayString = "${ykien.classification.reclassify-every:PT2M}", initialDelayString = "PT1M")
  void catchUp() {
    List<Long> consultations = new ArrayList<>(
        jdbc.sql("select distinct consultation_id from classification.comment").query(Long.class).list());
    for (long consultation : consultations) {
      int done = 0;
      for (int round = 0; round < 20; round++) {
        int batch = batch(consultation, BATCH);
        done += batch;
        if (batch < BATCH) {
          break;
        }
      }
      if (done > 0) {
        log.info("Re-classified {} comments of consultation {}", done, consultation);
      }
    }
  }
}
