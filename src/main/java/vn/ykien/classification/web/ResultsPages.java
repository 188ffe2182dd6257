package vn.ykien.classification.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.ykien.classification.CommentStance;
import vn.ykien.classification.ResultsFilter;
import vn.ykien.classification.ResultsReport;
import vn.ykien.consultation.CitizenGroup.AgeBand;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Sex;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * What comments say, per item, for a unit at commune level or above and a citizen group:
 * aggregates only, small groups suppressed. No page here shows who said anything.
 */
@Controller
class ResultsPages {

  private final OfficialAccess access;
  private final Consultations consultations;
  private final ResultsReport report;
  private final Units units;
  private final Clock clock;

  ResultsPages(OfficialAccess access, Consultations consultations, ResultsReport report, Units units, Clock clock) {
    this.access = access;
    this.consultations = consultations;
    this.report = report;
    this.units = units;
    this.clock = clock;
  }

  @GetMapping("/officials/units/{edition}/{code}/results")
  String results(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String age,
      @RequestParam(required = false) @Nullable String sex,
      @RequestParam(required = false) @Nullable String occupation,
      @RequestParam(required = false) @Nullable String item,
      @Nullable SignedInOfficial official,
      Model model) {
    var at = access.requireUnit(official, Permission.VIEW_RESULTS, edition, code);
    Unit unit = at.unit();
    Instant now = clock.instant();
    List<Consultation> available = consultations.openOrUpcoming(now);
    Consultation chosen =
        (consultation == null
                ? available.stream().filter(c -> c.window().isOpenAt(now)).findFirst()
                : consultations.findBySlug(consultation))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("unit", unit);
    model.addAttribute("consultation", chosen);
    model.addAttribute("ages", AgeBand.values());
    model.addAttribute("sexes", Sex.values());
    model.addAttribute("occupations", Occupation.values());
    model.addAttribute("stances", CommentStance.values());
    Optional<AgeBand> ageBand = parse(age, AgeBand::valueOf);
    Optional<Sex> sexValue = parse(sex, Sex::valueOf);
    Optional<Occupation> occupationValue = parse(occupation, Occupation::valueOf);
    boolean unknownFilter =
        blank(age) != ageBand.isEmpty() || blank(sex) != sexValue.isEmpty() || blank(occupation) != occupationValue.isEmpty();
    if (unknownFilter) {
      model.addAttribute("unknownFilter", true);
    }
    var filter = new ResultsFilter(ageBand.orElse(null), sexValue.orElse(null), occupationValue.orElse(null));
    model.addAttribute("filter", filter);
    if (!ResultsReport.showsContent(unit)) {
      model.addAttribute("commune", unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null));
      return "classification/results";
    }
    var items = consultations.items(chosen.id());
    model.addAttribute("items", items);
    model.addAttribute("results", report.of(chosen.id(), unit, filter));
    items.stream()
        .filter(candidate -> candidate.code().equals(item))
        .findFirst()
        .ifPresent(
            themed -> {
              model.addAttribute("themeItem", themed);
              model.addAttribute("themes", report.themes(chosen.id(), unit, filter, themed.id()));
            });
    return "classification/results";
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static <T> Optional<T> parse(@Nullable String value, Function<String, T> parser) {
    if (blank(value)) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
