package vn.ykien.daily;

import org.jspecify.annotations.Nullable;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Stance;
import vn.ykien.results.Figures;

/**
 * One item's opinions as a snapshot kept them: the people who answered it and the share of each
 * stance in percent (null where the release hid the figure).
 */
public record ItemOpinions(DraftItem item, long people, @Nullable Double approve, @Nullable Double disapprove, @Nullable Double partly) {

  public static ItemOpinions of(DraftItem item, Figures figures) {
    return new ItemOpinions(
        item, figures.people(), figures.percent(Stance.APPROVE), figures.percent(Stance.DISAPPROVE), figures.percent(Stance.PARTLY));
  }
}
