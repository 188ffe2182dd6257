package vn.ykien.classification.internal;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ykien.classification.CommentClassification;
import vn.ykien.consultation.CitizenGroup;
import vn.ykien.opinion.CommentsChanged;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/**
 * Classifies comments from stored opinion events, after the opinion's transaction and apart
 * from it: a submission never waits for classification. Events are retried until handled; each
 * opinion's latest revision wins, whatever order its events arrive in.
 */
@Component
class CommentClassifying {

  private final CommentStore store;
  private final Classifiers classifiers;
  private final Units units;

  CommentClassifying(CommentStore store, Classifiers classifiers, Units units) {
    this.store = store;
    this.classifiers = classifiers;
    this.units = units;
  }

  @ApplicationModuleListener
  void on(CommentsChanged event) {
    if (!store.newerRevision(event.consultationId(), event.author(), event.revision())) {
      return;
    }
    store.deleteComments(event.consultationId(), event.author());
    CitizenGroup group = event.group();
    if (event.comments().isEmpty() || group == null) {
      return;
    }
    Unit commune = communeOf(event.unitId());
    CommentClassifier classifier = classifiers.forConsultation(event.consultationId());
    store.lockCampaigns(event.consultationId());
    for (CommentsChanged.Comment comment : event.comments()) {
      CommentClassifier.Reading reading = classifier.read(comment.text(), comment.itemId());
      CommentClassification read = reading.classification();
      int[] signature = reading.signature();
      Long campaign = null;
      if (signature != null) {
        campaign = store.campaignFor(event.consultationId(), signature, event.day());
        store.countArrival(campaign, commune.id(), event.hour());
      }
      store.insert(
          new CommentStore.NewComment(
              event.consultationId(),
              event.author(),
              comment.itemId(),
              comment.chosen() == null ? null : comment.chosen().name(),
              comment.text(),
              commune.id(),
              commune.path(),
              group,
              event.channel().name(),
              event.day(),
              campaign,
              read));
    }
  }

  /** The commune the unit lies in (content is never placed more precisely), or the unit itself. */
  private Unit communeOf(long unitId) {
    List<Unit> lineage = units.lineage(unitId);
    for (int i = lineage.size() - 1; i >= 0; i--) {
      UnitKind kind = lineage.get(i).kind();
      if (kind != UnitKind.VILLAGE) {
        return lineage.get(i);
      }
    }
    return units.find(unitId).orElseThrow(() -> new IllegalStateException("unknown unit " + unitId));
  }
}
