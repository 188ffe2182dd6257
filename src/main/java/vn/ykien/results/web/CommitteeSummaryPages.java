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
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.opinion.Stance;
import vn.ykien.results.CommentsLookup;
import vn.ykien.results.ConsultationResults;
import vn.ykien.results.ReleasedComments;
import vn.ykien.results.ReleasedThemes;
import vn.ykien.results.UnitResults;
import vn.ykien.results.internal.ThemeReleases;

/**
 * The summary for the drafting committee, one section per item: the released share of each
 * stance; how many people's comments oppose the amendment (keep the 2013 wording) or ask to change
 * the proposal; the themes of the comments with their size and wordings at least k people sent;
 * and the campaigns of copied comments (themes and campaigns for the nation and the provinces).
 * Every figure as a release published it; aggregates only; printable.
 */
@Controller
class CommitteeSummaryPages {

  /** One item of the summary. */
  record ItemSummary(
      UnitResults.ItemResults released, ReleasedComments.@Nullable ItemComments comments, List<ReleasedThemes.Theme> themes) {}

  private final OfficialAccess access;
  private final Consultations consultations;
  private final ResultsScope scope;
  private final ConsultationResults results;
  private final ThemeReleases themes;
  private final Clock clock;

  CommitteeSummaryPages(
      OfficialAccess access,
      Consultations consultations,
      ResultsScope scope,
      ConsultationResults results,
      ThemeReleases themes,
      Clock clock) {
    this.access = access;
    this.consultations = consultations;
    this.scope = scope;
    this.results = results;
    this.themes = themes;
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
      UnitResults shownResults = shown.get();
      ReleasedComments said =
          results.comments(chosen, at.unit(), null, null) instanceof CommentsLookup.Found(ReleasedComments found) ? found : null;
      ReleasedThemes released = themes.of(chosen.id(), at.unit());
      List<ItemSummary> items = new ArrayList<>();
      for (UnitResults.ItemResults item : shownResults.items()) {
        ReleasedComments.ItemComments itemComments =
            said == null ? null : said.items().stream().filter(r -> r.item().id() == item.item().id()).findFirst().orElse(null);
        items.add(new ItemSummary(item, itemComments, released.of(item.item().id())));
      }
      model.addAttribute("released", shownResults);
      model.addAttribute("items", items);
      model.addAttribute("campaigns", released.campaigns());
      model.addAttribute("themesPublished", ThemeReleases.publishesThemes(at.unit()));
      model.addAttribute("campaignsPublished", ThemeReleases.publishesCampaigns(at.unit()));
      model.addAttribute("k", shownResults.k());
    }
    return "results/summary";
  }
}
