package vn.ykien.results.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
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
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * The released results of an official's unit (roles with VIEW_RESULTS, communes and above): the
 * same protected figures as the public page — an official sees no figure the public does not —
 * with drill-down to the units below and up to the official's own unit.
 */
@Controller
class OfficialResultsPages {

  private final OfficialAccess access;
  private final Consultations consultations;
  private final ResultsScope scope;
  private final ResultsModel page;
  private final Units units;
  private final Clock clock;

  OfficialResultsPages(
      OfficialAccess access, Consultations consultations, ResultsScope scope, ResultsModel page, Units units, Clock clock) {
    this.access = access;
    this.consultations = consultations;
    this.scope = scope;
    this.page = page;
    this.units = units;
    this.clock = clock;
  }

  @GetMapping("/officials/units/{edition}/{code}/results/answers")
  String answers(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String item,
      @Nullable SignedInOfficial official,
      Model model,
      HttpServletResponse response) {
    var at = access.requireUnit(official, Permission.VIEW_RESULTS, edition, code);
    Consultation chosen =
        consultations.namedOrFirstOpen(consultation, clock.instant())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    page.basics(model, chosen, new ResultsLinks(true, chosen));
    model.addAttribute("official", true);
    Unit unit = at.unit();
    ResultsScope.shownOrRefused(scope.of(chosen, unit), model, response)
        .ifPresent(
            shown -> {
              Unit own = access.scopeOf(at.official());
              Unit up = own.id() == unit.id() || unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null);
              page.fill(model, shown, item, up);
            });
    return "results/public";
  }
}
