package vn.ykien.classification.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ykien.classification.CommentClassification;
import vn.ykien.classification.CommentTallies;
import vn.ykien.consultation.CitizenGroup;
import vn.ykien.opinion.LogPosition;
import vn.ykien.opinion.OpinionChange;
import vn.ykien.opinion.OpinionLog;
import vn.ykien.opinion.OpinionLogReader;
import vn.ykien.opinion.ReaderPositions;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/**
 * Classifies comments from the opinion log, in batches apart from the submissions: a submission
 * never waits for classification. Each opinion's latest revision wins, whatever order its changes
 * come in. Campaigns are assigned only here, inside a batch that one server at a time runs (it
 * holds the reader's position), so no lock is taken on the submissions' path.
 */
@Component
class CommentReader implements OpinionLogReader {

  static final String NAME = "classification.comments";

  private final CommentStore store;
  private final Classifiers classifiers;
  private final Units units;
  private final OpinionLog opinionLog;
  private final ReaderPositions positions;
  private final CommentTallies tallies;
  private final Authors authors;
  private final double share;
  private final Map<Long, Unit> communes = new ConcurrentHashMap<>();

  CommentReader(
      CommentStore store,
      Classifiers classifiers,
      Units units,
      OpinionLog opinionLog,
      CommentTallies tallies,
      Authors authors,
      JdbcClient jdbc,
      Clock clock,
      @org.springframework.beans.factory.annotation.Value("${ykien.classification.reader-share:0.3}") double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "ykien.classification.reader-share must be in (0, 1] / phải nằm trong (0, 1]: " + share);
    }
    this.share = share;
    this.store = store;
    this.tallies = tallies;
    this.authors = authors;
    this.classifiers = classifiers;
    this.units = units;
    this.opinionLog = opinionLog;
    this.positions = new ReaderPositions(jdbc, "classification", clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Classifying is the costliest work beside the submissions (BM25 and the models on every
   * comment): while the machine is busy, at most this share of its thread's time goes to it, so that
   * a surge of submissions keeps most of the CPU; with spare CPU it runs at full speed and catches
   * up ({@code ykien.classification.reader-share}).
   */
  @Override
  public double share() {
    return share;
  }

  @Override
  public ReaderPositions positions() {
    return positions;
  }

  @Override
  public void apply(List<OpinionChange> changes) {
    Map<LogPosition, List<OpinionChange.Comment>> comments = opinionLog.comments(changes);
    // One classifier per consultation and batch (it reads the items and keywords to know if it is current).
    Map<Long, CommentClassifier> classifierOf = new HashMap<>();
    // The people whose comments changed, per consultation: re-tallied once at the end of the batch.
    Map<Long, Set<String>> changed = new HashMap<>();
    for (OpinionChange change : changes) {
      List<OpinionChange.Comment> these = comments.getOrDefault(change.position(), List.of());
      // Only what changes the comments matters: a first opinion without any is nothing to do.
      if (these.isEmpty() && change.before() == null) {
        continue;
      }
      // Stored under classification's own pseudonym, never the opinion's.
      String author = authors.of(change.author());
      if (!store.newerRevision(change.consultationId(), author, change.revision())) {
        continue;
      }
      store.deleteComments(change.consultationId(), author);
      changed.computeIfAbsent(change.consultationId(), c -> new HashSet<>()).add(author);
      OpinionChange.Standing now = change.now();
      if (these.isEmpty() || now == null) {
        continue;
      }
      CitizenGroup group = now.group();
      Unit commune = communeOf(now.unitId());
      CommentClassifier classifier = classifierOf.computeIfAbsent(change.consultationId(), classifiers::forConsultation);
      for (OpinionChange.Comment comment : these) {
        CommentClassifier.Reading reading = classifier.read(comment.text(), comment.itemId());
        CommentClassification read = reading.classification();
        int[] signature = reading.signature();
        Long campaign = null;
        if (signature != null) {
          campaign = store.campaignFor(change.consultationId(), signature, change.day());
          store.countArrival(campaign, commune.id(), change.day());
        }
        store.insert(
            new CommentStore.NewComment(
                change.consultationId(),
                author,
                comment.itemId(),
                comment.chosen() == null ? null : comment.chosen().name(),
                comment.text(),
                commune.id(),
                commune.path(),
                group,
                now.channel().name(),
                change.day(),
                campaign,
                read));
      }
    }
    changed.forEach(tallies::retally);
  }

  /** The commune the unit lies in (content is never placed more precisely), or the unit itself. */
  private Unit communeOf(long unitId) {
    return communes.computeIfAbsent(unitId, id -> {
      List<Unit> lineage = units.lineage(id);
      for (int i = lineage.size() - 1; i >= 0; i--) {
        if (lineage.get(i).kind() != UnitKind.VILLAGE) {
          return lineage.get(i);
        }
      }
      return units.find(id).orElseThrow(() -> new IllegalStateException("unknown unit " + id));
    });
  }

}
