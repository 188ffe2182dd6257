package vn.ykien.results.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.ykien.classification.CommentResults;
import vn.ykien.classification.ResultsFilter;
import vn.ykien.classification.ResultsReport;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.opinion.Stance;
import vn.ykien.results.UnitResults;

/**
 * The summary for the drafting committee, one section per item: the released share of each
 * stance; how many people's comments oppose the amendment (keep the 2013 wording) or ask to change
 * the proposal; the themes of the comments with their size and wordings at least k people sent;
 * and the campaigns of copied comments. Aggregates only; printable.
 */
@Controller
class CommitteeSummaryPages {

  /** One item of the summary. */
  record ItemSummary(UnitResults.ItemResults released, CommentResults.@Nullable ItemResult comments, List<CommentResults.ThemeResult> themes) {}

  private final OfficialAccess access;
  private final Consultations consultations;
  private final ResultsScope scope;
  private final ResultsReport comments;
  private final Clock clock;

  CommitteeSummaryPages(
      OfficialAccess access, Consultations consultations, ResultsScope scope, ResultsReport comments, Clock clock) {
    this.access = access;
    this.consultations = consultations;
    this.scope = scope;
    this.comments = comments;
    this.clock = clock;
  }

  @GetMapping("/officials/units/{edition}/{code}/results/summary")
  String summary(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @Nullable SignedInOfficial official,
      Model model,
      HttpServletResponse response) {
    var at = access.requireUnit(official, Permission.VIEW_RESULTS, edition, code);
    Consultation chosen =
        consultations.namedOrFirstOpen(consultation, clock.instant())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("consultation", chosen);
    model.addAttribute("unit", at.unit());
    model.addAttribute("stances", Stance.values());
    Optional<UnitResults> shown = ResultsScope.shownOrRefused(scope.of(chosen, at.unit()), model, response);
    if (shown.isPresent()) {
      UnitResults released = shown.get();
      CommentResults said = comments.of(chosen.id(), at.unit(), ResultsFilter.EVERYONE);
      List<ItemSummary> items = new ArrayList<>();
      for (UnitResults.ItemResults item : released.items()) {
        CommentResults.ItemResult itemComments =
            said.items().stream().filter(r -> r.itemId() == item.item().id()).findFirst().orElse(null);
        // Themes only where the item's comment count is shown: their sizes would tell a hidden one.
        List<CommentResults.ThemeResult> themes =
            itemComments == null || itemComments.suppressed()
                ? List.of()
                : comments.themes(chosen.id(), at.unit(), ResultsFilter.EVERYONE, item.item().id());
        items.add(new ItemSummary(item, itemComments, themes));
      }
      model.addAttribute("released", released);
      model.addAttribute("items", items);
      model.addAttribute("campaigns", said.campaigns());
      model.addAttribute("k", said.k());
    }
    return "results/summary";
  }
}
