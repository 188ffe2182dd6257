package vn.ykien.results.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.ykien.consultation.Consultation;
import vn.ykien.results.Breakdown;
import vn.ykien.results.ConsultationResults;
import vn.ykien.results.ResultsLookup;
import vn.ykien.results.UnitResults;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Which unit's results a request asks for (a code, in the edition of the released table unless
 * it names one; the top of the table when it names none), and what to answer when it cannot be
 * shown. Shared by the pages, the API and the files, so that they refuse alike.
 */
@Component
class ResultsScope {

  /** What resolving a request gave: results, or the status and message key to answer with. */
  sealed interface Resolved {
    record Shown(UnitResults results) implements Resolved {}

    record Refused(HttpStatus status, String key) implements Resolved {}
  }

  /**
   * The results to show, or none after the refusal was put on the page: its status on the
   * response and its message key in the model (as "refusal").
   */
  static Optional<UnitResults> shownOrRefused(Resolved resolved, Model model, HttpServletResponse response) {
    return switch (resolved) {
      case Resolved.Shown(UnitResults shown) -> Optional.of(shown);
      case Resolved.Refused(HttpStatus status, String key) -> {
        response.setStatus(status.value());
        model.addAttribute("refusal", key);
        yield Optional.empty();
      }
    };
  }

  private final ConsultationResults results;
  private final Units units;

  ResultsScope(ConsultationResults results, Units units) {
    this.results = results;
    this.units = units;
  }

  Resolved resolve(Consultation consultation, @Nullable String edition, @Nullable String code) {
    Optional<Unit> top = results.top(consultation);
    if (top.isEmpty()) {
      return new Resolved.Refused(HttpStatus.NOT_FOUND, "results.notReleasedYet");
    }
    Unit unit = top.get();
    if (code != null && !code.isBlank()) {
      String inEdition = edition == null || edition.isBlank() ? unit.edition() : edition.strip();
      Optional<Unit> named = units.findByCode(inEdition, code.strip());
      if (named.isEmpty() || !top.get().contains(named.get())) {
        return new Resolved.Refused(HttpStatus.NOT_FOUND, "results.unknownUnit");
      }
      unit = named.get();
    }
    return of(consultation, unit);
  }

  /** The results of a unit the caller already holds (an official's own unit, checked for access). */
  Resolved of(Consultation consultation, Unit unit) {
    return switch (results.of(consultation, unit)) {
      case ResultsLookup.Found(UnitResults found) -> new Resolved.Shown(found);
      case ResultsLookup.BelowCommune below -> new Resolved.Refused(HttpStatus.UNPROCESSABLE_CONTENT, "results.belowCommune");
      case ResultsLookup.NotReleasedYet none -> new Resolved.Refused(HttpStatus.NOT_FOUND, "results.notReleasedYet");
    };
  }

  /** A breakdown named by its parameter (age, sex, occupation, channel); empty for none or an unknown one. */
  static Optional<Breakdown> breakdown(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    return Arrays.stream(Breakdown.values()).filter(b -> b.parameter().equals(name.strip().toLowerCase(java.util.Locale.ROOT))).findFirst();
  }
}
