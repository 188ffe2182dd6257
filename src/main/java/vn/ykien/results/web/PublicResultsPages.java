package vn.ykien.results.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
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
import vn.ykien.results.ConsultationResults;
import vn.ykien.results.UnitResults;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * The results everyone may see, without signing in: participation (live) of the unit and the
 * units below it, ranked by rate, on a map; and the latest release's share of each stance per
 * item, by unit below and by citizen group. Every figure is in a plain table; the charts add to
 * them where JavaScript runs.
 */
@Controller
class PublicResultsPages {

  private final Consultations consultations;
  private final ResultsScope scope;
  private final ConsultationResults results;
  private final ResultsModel page;
  private final Units units;

  PublicResultsPages(
      Consultations consultations,
      ResultsScope scope,
      ConsultationResults results,
      ResultsModel page,
      Units units) {
    this.consultations = consultations;
    this.scope = scope;
    this.results = results;
    this.page = page;
    this.units = units;
  }

  @GetMapping("/results/{slug}")
  String results(
      @PathVariable String slug,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String item,
      Model model,
      HttpServletResponse response) {
    Consultation consultation =
        consultations.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    page.basics(model, consultation, new ResultsLinks(false, consultation));
    switch (scope.resolve(consultation, null, unit)) {
      case ResultsScope.Resolved.Refused(HttpStatus status, String key) -> {
        response.setStatus(status.value());
        model.addAttribute("refusal", key);
      }
      case ResultsScope.Resolved.Shown(UnitResults shown) -> {
        Unit here = shown.unit();
        Optional<Unit> top = results.top(consultation);
        Unit up =
            here.parentId() == null || top.isEmpty() || top.get().id() == here.id()
                ? null
                : units.find(here.parentId()).orElse(null);
        page.fill(model, shown, item, up);
      }
    }
    return "results/public";
  }
}
