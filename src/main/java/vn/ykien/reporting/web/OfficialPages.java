package vn.ykien.reporting.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.EligiblePopulation;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.opinion.Channel;
import vn.ykien.reporting.ParticipationReport;
import vn.ykien.reporting.UnitParticipation;
import vn.ykien.units.ProvinceShapes;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Officials' view of participation in their unit and the units below it: counts per unit and
 * channel against the eligible population (lagging units first, on a map), per day and per
 * citizen group. No page here can show what anyone said.
 */
@Controller
class OfficialPages {

  private final Units units;
  private final Consultations consultations;
  private final ParticipationReport report;
  private final Clock clock;
  private final OfficialAccess access;
  private final EligiblePopulation population;
  private final vn.ykien.opinion.OpinionLogReaders readers;
  private final ProvinceShapes shapes;

  OfficialPages(
      Units units,
      Consultations consultations,
      ParticipationReport report,
      Clock clock,
      OfficialAccess access,
      EligiblePopulation population,
      vn.ykien.opinion.OpinionLogReaders readers,
      ProvinceShapes shapes) {
    this.readers = readers;
    this.shapes = shapes;
    this.units = units;
    this.consultations = consultations;
    this.report = report;
    this.clock = clock;
    this.access = access;
    this.population = population;
  }

  /** Each official starts at their own unit, on the first page their role opens. */
  @GetMapping("/officials")
  String home(@Nullable SignedInOfficial official) {
    if (official == null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    String unit = "/officials/units/" + official.unitEdition() + "/" + official.unitCode();
    if (official.may(Permission.VIEW_PARTICIPATION)) {
      return "redirect:" + unit;
    }
    if (official.may(Permission.VIEW_AUDIT)) {
      return "redirect:" + unit + "/audit";
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN);
  }

  @GetMapping("/officials/units/{edition}/{code}")
  String unit(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @Nullable SignedInOfficial official,
      Model model) {
    var at = access.requireUnit(official, Permission.VIEW_PARTICIPATION, edition, code);
    Unit unit = at.unit();
    Unit scope = access.scopeOf(at.official());
    var now = clock.instant();
    List<Consultation> available = consultations.openOrUpcoming(now);
    Consultation chosen =
        consultations.namedOrFirstOpen(consultation, now)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    List<UnitParticipation> rows = report.forUnitAndChildren(chosen, unit);
    model.addAttribute("unit", unit);
    model.addAttribute("parent", scope.id() == unit.id() || unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null));
    model.addAttribute("consultation", chosen);
    model.addAttribute("available", available);
    model.addAttribute("total", rows.getFirst());
    // Lagging units first: outreach starts where the rate is lowest.
    List<UnitParticipation> children = new ArrayList<>(rows.subList(1, rows.size()));
    // Units nobody is eligible in (no rate to lag on) come last.
    children.sort(
        Comparator.comparing((UnitParticipation r) -> r.eligible() == 0 && (r.eligibleAtOpening() == null || r.eligibleAtOpening() == 0))
            .thenComparingDouble(UnitParticipation::ratePercent)
            .thenComparing(r -> r.unit().code()));
    model.addAttribute("children", children);
    model.addAttribute("detail", report.detail(chosen, unit));
    model.addAttribute("mapUrl", shapes.addressBelow(unit).orElse(null));
    model.addAttribute("channels", Channel.values());
    model.addAttribute("regions", report.byRegion(chosen, unit));
    model.addAttribute("settlements", report.bySettlement(chosen, unit));
    model.addAttribute("snapshot", population.snapshot(chosen).orElse(null));
    // How fresh the figures are: opinions sent but not yet counted, and any the counting set aside.
    var lag = readers.lag(10_000).stream().filter(l -> l.reader().equals("reporting.participation")).findFirst();
    model.addAttribute("pending", lag.map(l -> l.pending()).orElse(0L));
    model.addAttribute("parked", lag.map(l -> l.parked()).orElse(0L));
    model.addAttribute("mayImport", access.decide(at.official(), Permission.IMPORT_REGISTRY, unit).granted());
    return "officials/unit";
  }
}
