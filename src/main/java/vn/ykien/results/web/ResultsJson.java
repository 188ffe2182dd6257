package vn.ykien.results.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.Stance;
import vn.ykien.reporting.UnitParticipation;
import vn.ykien.results.Breakdown;
import vn.ykien.results.Figures;
import vn.ykien.results.UnitResults;
import vn.ykien.shared.Localized;
import vn.ykien.units.Unit;

/**
 * The results of a unit as the API gives them: live participation, and the latest release's
 * content figures (null where hidden), in the shapes the OpenAPI document describes.
 */
record ResultsJson(
    long consultationId,
    String slug,
    UnitJson unit,
    int release,
    Instant releasedAt,
    int minimumGroup,
    ParticipationJson participation,
    List<ParticipationJson> participationByUnit,
    List<ItemJson> items) {

  record TextJson(String vi, String en) {
    static TextJson of(Localized text) {
      return new TextJson(text.vi(), text.en());
    }
  }

  record UnitJson(String edition, String code, String kind, TextJson name) {
    static UnitJson of(Unit unit) {
      return new UnitJson(
          unit.edition(),
          unit.code(),
          unit.kind().name(),
          new TextJson(unit.fullName(java.util.Locale.of("vi")), unit.fullName(java.util.Locale.ENGLISH)));
    }
  }

  /** People who took part (live) against who may: the rate is against the eligible at opening once frozen. */
  record ParticipationJson(
      UnitJson unit, long people, long eligibleNow, @Nullable Long eligibleAtOpening, double ratePercent, Map<Channel, Long> byChannel) {
    static ParticipationJson of(UnitParticipation row) {
      return new ParticipationJson(
          UnitJson.of(row.unit()),
          row.participants(),
          row.eligible(),
          row.eligibleAtOpening(),
          Math.round(row.ratePercent() * 10) / 10.0,
          new EnumMap<>(row.participantsByChannel()));
    }
  }

  /** Counts and shares (percent, one decimal) of each stance; null where the release hides them. */
  record FiguresJson(
      long people,
      @Nullable Long approve,
      @Nullable Long disapprove,
      @Nullable Long partly,
      @Nullable Double approvePercent,
      @Nullable Double disapprovePercent,
      @Nullable Double partlyPercent) {
    static FiguresJson of(Figures f) {
      return new FiguresJson(
          f.people(), f.approve(), f.disapprove(), f.partly(),
          round(f.percent(Stance.APPROVE)), round(f.percent(Stance.DISAPPROVE)), round(f.percent(Stance.PARTLY)));
    }

    private static @Nullable Double round(@Nullable Double percent) {
      return percent == null ? null : Math.round(percent * 10) / 10.0;
    }
  }

  record GroupJson(Breakdown breakdown, String value, FiguresJson figures) {}

  record UnitFiguresJson(UnitJson unit, FiguresJson figures) {}

  record ItemJson(long itemId, String code, TextJson label, FiguresJson total, List<GroupJson> byGroup, List<UnitFiguresJson> byUnit) {}

  static ResultsJson of(UnitResults results, List<UnitParticipation> participation, @Nullable Breakdown only) {
    List<ItemJson> items = new ArrayList<>();
    for (UnitResults.ItemResults item : results.items()) {
      List<GroupJson> groups = new ArrayList<>();
      for (UnitResults.GroupFigures group : item.groups()) {
        if (only == null || group.breakdown() == only) {
          groups.add(new GroupJson(group.breakdown(), group.value(), FiguresJson.of(group.figures())));
        }
      }
      List<UnitFiguresJson> byUnit = new ArrayList<>();
      for (int i = 0; i < results.children().size(); i++) {
        byUnit.add(new UnitFiguresJson(UnitJson.of(results.children().get(i)), FiguresJson.of(item.children().get(i))));
      }
      items.add(
          new ItemJson(
              item.item().id(), item.item().code(), TextJson.of(item.item().label()), FiguresJson.of(item.total()), groups, byUnit));
    }
    return new ResultsJson(
        results.consultation().id(),
        results.consultation().slug(),
        UnitJson.of(results.unit()),
        results.release(),
        results.releasedAt(),
        results.k(),
        ParticipationJson.of(participation.getFirst()),
        participation.subList(1, participation.size()).stream().map(ParticipationJson::of).toList(),
        items);
  }
}
