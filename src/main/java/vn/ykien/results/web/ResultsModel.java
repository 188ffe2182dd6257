package vn.ykien.results.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.ykien.consultation.Consultation;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.Stance;
import vn.ykien.reporting.ParticipationReport;
import vn.ykien.reporting.UnitParticipation;
import vn.ykien.results.Breakdown;
import vn.ykien.results.ConsultationResults;
import vn.ykien.results.UnitResults;
import vn.ykien.units.ProvinceShapes;
import vn.ykien.units.Unit;

/**
 * What the results page shows, for the public and for officials alike: participation (live) of
 * the unit and its units below ranked by rate, the map, and the latest release's figures per item,
 * by unit below and by group.
 */
@Component
class ResultsModel {

  /** One row of the ranking: a unit below, its participation, its rank by rate (1 = highest). */
  record Ranked(int rank, UnitParticipation row, boolean hasResults) {}

  private final ParticipationReport participation;
  private final ProvinceShapes shapes;

  ResultsModel(ParticipationReport participation, ProvinceShapes shapes) {
    this.participation = participation;
    this.shapes = shapes;
  }

  void basics(Model model, Consultation consultation, ResultsLinks links) {
    model.addAttribute("consultation", consultation);
    model.addAttribute("stances", Stance.values());
    model.addAttribute("breakdowns", Breakdown.values());
    model.addAttribute("channels", Channel.values());
    model.addAttribute("links", links);
  }

  void fill(Model model, UnitResults shown, @Nullable String item, @Nullable Unit up) {
    Consultation consultation = shown.consultation();
    Unit here = shown.unit();
    model.addAttribute("results", shown);
    model.addAttribute("up", up);
    List<UnitParticipation> rows = participation.forUnitAndChildren(consultation, here);
    model.addAttribute("total", rows.getFirst());
    List<UnitParticipation> below = new ArrayList<>(rows.subList(1, rows.size()));
    below.sort(Comparator.comparingDouble(UnitParticipation::ratePercent).reversed().thenComparing(r -> r.unit().code()));
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < below.size(); i++) {
      ranked.add(new Ranked(i + 1, below.get(i), ConsultationResults.showsContent(below.get(i).unit())));
    }
    model.addAttribute("ranked", ranked);
    var chosen =
        shown.items().stream()
            .filter(i -> i.item().code().equals(item))
            .findFirst()
            .orElse(shown.items().isEmpty() ? null : shown.items().getFirst());
    model.addAttribute("chosen", chosen);
    if (chosen != null) {
      Map<Breakdown, List<UnitResults.GroupFigures>> groups = new LinkedHashMap<>();
      for (UnitResults.GroupFigures group : chosen.groups()) {
        groups.computeIfAbsent(group.breakdown(), b -> new ArrayList<>()).add(group);
      }
      model.addAttribute("groups", groups);
    }
    model.addAttribute("mapUrl", shapes.addressBelow(here).orElse(null));
  }
}
