package vn.ykien.classification.web;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ykien.classification.CommentStance;
import vn.ykien.classification.ResultsReport;
import vn.ykien.classification.internal.Corrections;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;

/**
 * The analysts' side of what comments say: the labels the model is least sure of, to confirm or
 * correct, and keywords that tie wordings to an item. (The figures themselves are published by
 * results' releases.) No page here shows who said anything.
 */
@Controller
class ResultsPages {

  private final OfficialAccess access;
  private final Consultations consultations;
  private final ResultsReport report;
  private final Clock clock;
  private final Corrections corrections;

  static final int REVIEW_PAGE = 50;

  ResultsPages(
      OfficialAccess access,
      Consultations consultations,
      ResultsReport report,
      Clock clock,
      Corrections corrections) {
    this.corrections = corrections;
    this.access = access;
    this.consultations = consultations;
    this.report = report;
    this.clock = clock;
  }

  /** The labels the model is least sure of, in the unit, for an analyst to confirm or correct. */
  @GetMapping("/officials/units/{edition}/{code}/results/review")
  String review(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @Nullable SignedInOfficial official,
      Model model) {
    var at = access.requireUnit(official, Permission.CORRECT_CLASSIFICATION, edition, code);
    Consultation chosen = chosen(consultation);
    model.addAttribute("unit", at.unit());
    model.addAttribute("consultation", chosen);
    model.addAttribute("k", report.minimumGroup());
    model.addAttribute("stances", java.util.Arrays.stream(CommentStance.values()).filter(s -> s != CommentStance.UNCLEAR).toList());
    if (ResultsReport.showsContent(at.unit())) {
      model.addAttribute("toReview", corrections.leastCertain(chosen.id(), at.unit().path(), REVIEW_PAGE));
    }
    return "classification/review";
  }

  @PostMapping("/officials/units/{edition}/{code}/results/review")
  String correct(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam String consultation,
      @RequestParam long comment,
      @RequestParam String stance,
      @Nullable SignedInOfficial official,
      RedirectAttributes redirect) {
    var at = access.requireUnit(official, Permission.CORRECT_CLASSIFICATION, edition, code);
    Optional<CommentStance> parsed = parse(stance, CommentStance::valueOf);
    String notice =
        parsed.isEmpty() || !ResultsReport.showsContent(at.unit())
            ? "review.notAStance"
            : switch (corrections.correctStance(comment, parsed.get(), at.official().username(), at.unit().path())) {
              case Corrections.Outcome.Corrected c -> "review.corrected";
              case Corrections.Outcome.UnknownComment u -> "review.unknownComment";
              case Corrections.Outcome.NotAStance n -> "review.notAStance";
            };
    redirect.addFlashAttribute("noticeKey", notice);
    redirect.addAttribute("consultation", consultation);
    return "redirect:/officials/units/" + edition + "/" + code + "/results/review";
  }

  @PostMapping("/officials/units/{edition}/{code}/results/keywords")
  String addKeyword(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam String consultation,
      @RequestParam String item,
      @RequestParam String keyword,
      @Nullable SignedInOfficial official,
      RedirectAttributes redirect) {
    var at = access.requireUnit(official, Permission.CORRECT_CLASSIFICATION, edition, code);
    Consultation chosen = chosen(consultation);
    var draftItem =
        consultations.items(chosen.id()).stream()
            .filter(candidate -> candidate.code().equals(item))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String notice =
        switch (corrections.addKeyword(draftItem.id(), keyword, at.official().username())) {
          case Corrections.KeywordOutcome.Added a -> "keywords.added";
          case Corrections.KeywordOutcome.AlreadyThere a -> "keywords.alreadyThere";
          case Corrections.KeywordOutcome.Unusable u -> "keywords.unusable";
        };
    redirect.addFlashAttribute("noticeKey", notice);
    redirect.addAttribute("consultation", consultation);
    redirect.addAttribute("item", item);
    return "redirect:/officials/units/" + edition + "/" + code + "/results";
  }

  private Consultation chosen(@Nullable String slug) {
    return consultations.namedOrFirstOpen(slug, clock.instant())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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
