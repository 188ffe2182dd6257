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
import vn.ykien.classification.CommentStance;
import vn.ykien.consultation.CitizenGroup.AgeBand;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Sex;
import vn.ykien.results.Breakdown;
import vn.ykien.results.CommentsLookup;
import vn.ykien.results.ConsultationResults;
import vn.ykien.results.ReleasedComments;
import vn.ykien.results.ReleasedThemes;
import vn.ykien.results.internal.ThemeReleases;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * What comments say, per item, for an official's unit (communes and above) and everyone or one
 * citizen group, as the latest release published it: the people who commented, the share of each
 * stance, those who wrote only outside the draft or nothing readable; the themes and campaigns of
 * the nation and the provinces. Nothing here moves between releases, so that no one comparing two
 * views learns what the few people who commented in between said.
 */
@Controller
class CommentResultsPages {

  private final OfficialAccess access;
  private final Consultations consultations;
  private final ConsultationResults results;
  private final ThemeReleases themes;
  private final Units units;
  private final Clock clock;

  CommentResultsPages(
      OfficialAccess access,
      Consultations consultations,
      ConsultationResults results,
      ThemeReleases themes,
      Units units,
      Clock clock) {
    this.access = access;
    this.consultations = consultations;
    this.results = results;
    this.themes = themes;
    this.units = units;
    this.clock = clock;
  }

  /** The group a request names: one of age, sex, occupation at most. */
  record Group(@Nullable Breakdown breakdown, @Nullable String value) {
    static final Group EVERYONE = new Group(null, null);
  }

  @GetMapping("/officials/units/{edition}/{code}/results")
  String comments(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @RequestParam(required = false) @Nullable String age,
      @RequestParam(required = false) @Nullable String sex,
      @RequestParam(required = false) @Nullable String occupation,
      @RequestParam(required = false) @Nullable String item,
      @Nullable SignedInOfficial official,
      Model model,
      HttpServletResponse response) {
    var at = access.requireUnit(official, Permission.VIEW_RESULTS, edition, code);
    Unit unit = at.unit();
    Consultation chosen =
        consultations.namedOrFirstOpen(consultation, clock.instant())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("unit", unit);
    model.addAttribute("consultation", chosen);
    model.addAttribute("mayCorrect", access.decide(at.official(), Permission.CORRECT_CLASSIFICATION, unit).granted());
    model.addAttribute("ages", AgeBand.values());
    model.addAttribute("sexes", Sex.values());
    model.addAttribute("occupations", Occupation.values());
    model.addAttribute("stances", CommentStance.values());
    List<Group> named = new ArrayList<>();
    boolean unknown = false;
    for (var asked : List.of(
        new Object[] {Breakdown.AGE, age}, new Object[] {Breakdown.SEX, sex}, new Object[] {Breakdown.OCCUPATION, occupation})) {
      Breakdown breakdown = (Breakdown) asked[0];
      String value = asked[1] == null ? null : ((String) asked[1]).strip();
      if (value == null || value.isEmpty()) {
        continue;
      }
      if (breakdown.options().contains(value)) {
        named.add(new Group(breakdown, value));
      } else {
        unknown = true;
      }
    }
    // Groups are published one breakdown at a time, never crossed: a crossed cell is not released.
    Group group = named.size() == 1 ? named.getFirst() : Group.EVERYONE;
    if (unknown) {
      model.addAttribute("unknownFilter", true);
    }
    if (named.size() > 1) {
      model.addAttribute("oneGroupAtATime", true);
    }
    model.addAttribute("group", group);
    model.addAttribute("groupAge", group.breakdown() == Breakdown.AGE ? group.value() : null);
    model.addAttribute("groupSex", group.breakdown() == Breakdown.SEX ? group.value() : null);
    model.addAttribute("groupOccupation", group.breakdown() == Breakdown.OCCUPATION ? group.value() : null);
    Unit scope = access.scopeOf(at.official());
    model.addAttribute(
        "parent", scope.id() == unit.id() || unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null));
    switch (results.comments(chosen, unit, group.breakdown(), group.value())) {
      case CommentsLookup.Found(ReleasedComments shown) -> {
        model.addAttribute("comments", shown);
        model.addAttribute(
            "children", units.children(unit.id()).stream().filter(ConsultationResults::showsContent).toList());
        ReleasedThemes released = themes.of(chosen.id(), unit);
        model.addAttribute("themesPublished", ThemeReleases.publishesThemes(unit));
        model.addAttribute("campaignsPublished", ThemeReleases.publishesCampaigns(unit));
        model.addAttribute("released", released);
        // Themes are of everyone's comments: never beside one group's figures.
        Optional.ofNullable(group.breakdown() == null ? item : null)
            .flatMap(code2 -> shown.items().stream().filter(row -> row.item().code().equals(code2)).findFirst())
            .ifPresent(row -> {
              model.addAttribute("themeItem", row.item());
              model.addAttribute("themes", released.of(row.item().id()));
            });
      }
      case CommentsLookup.BelowCommune below -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("refusal", "results.belowCommune");
        model.addAttribute("commune", unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null));
      }
      case CommentsLookup.NotReleasedYet none -> model.addAttribute("refusal", "results.notReleasedYet");
      case CommentsLookup.TotalOnly totalOnly -> model.addAttribute("refusal", "publicResults.groupsTotalOnly");
      case CommentsLookup.UnknownGroup unknownGroup -> {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("refusal", "results.unknownFilter");
      }
    }
    return "results/comments";
  }
}
