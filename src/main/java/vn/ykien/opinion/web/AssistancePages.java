package vn.ykien.opinion.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.EligibilityDecision;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.OfficialAtUnit;
import vn.ykien.identity.OfficialViewedPeople;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.PaperEntry;
import vn.ykien.opinion.PaperForms;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.opinion.SupportPoints;
import vn.ykien.shared.CitizenId;
import vn.ykien.shared.QrCodes;

/**
 * The officer's side of the assisted and paper channels: a support point's code for the day (the
 * citizen still signs in with their own e-ID), and entering a signed paper form. Nothing here
 * shows an opinion that is stored: a paper form's answers are only on the form being typed.
 */
@Controller
class AssistancePages {

  private final OfficialAccess access;
  private final Consultations consultations;
  private final SupportPoints supportPoints;
  static final int WAITING_SHOWN = 200;

  private final PaperForms paperForms;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AssistancePages(
      OfficialAccess access,
      Consultations consultations,
      SupportPoints supportPoints,
      PaperForms paperForms,
      ApplicationEventPublisher events,
      Clock clock) {
    this.access = access;
    this.consultations = consultations;
    this.supportPoints = supportPoints;
    this.paperForms = paperForms;
    this.events = events;
    this.clock = clock;
  }

  /** A support point's code with the link and QR code the citizen opens. */
  record ShownCode(SupportPoints.SupportPointCode code, Consultation consultation, String link, String qr) {}

  @GetMapping("/officials/units/{edition}/{code}/support")
  String support(
      @PathVariable String edition, @PathVariable String code, @Nullable SignedInOfficial official, Model model) {
    OfficialAtUnit at = access.requireUnit(official, Permission.ASSIST_CITIZENS, edition, code);
    return supportPage(at, null, null, model);
  }

  @PostMapping("/officials/units/{edition}/{code}/support")
  String openSupportPoint(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(defaultValue = "") String consultation,
      @RequestParam(defaultValue = "") String place,
      @Nullable SignedInOfficial official,
      Model model) {
    OfficialAtUnit at = access.requireUnit(official, Permission.ASSIST_CITIZENS, edition, code);
    var chosen = consultations.findBySlug(consultation);
    if (chosen.isEmpty()) {
      return supportPage(at, "opinion.unknownConsultation", place, model);
    }
    return switch (supportPoints.issue(at.official().username(), at.unit().id(), chosen.get(), place)) {
      case SupportPoints.Issuance.Issued issued -> {
        model.addAttribute("issuedCode", issued.code().code());
        yield supportPage(at, null, null, model);
      }
      case SupportPoints.Issuance.Refused(String key) -> supportPage(at, key, place, model);
    };
  }

  private String supportPage(OfficialAtUnit at, @Nullable String errorKey, @Nullable String place, Model model) {
    model.addAttribute("unit", at.unit());
    model.addAttribute("open", open());
    model.addAttribute("errorKey", errorKey);
    model.addAttribute("place", place);
    List<ShownCode> codes =
        supportPoints.issuedToday(at.official().username()).stream()
            .map(
                issued -> {
                  Consultation consultation = consultations.find(issued.consultationId()).orElseThrow();
                  String link =
                      ServletUriComponentsBuilder.fromCurrentContextPath()
                          .path("/consultations/{slug}/opinion")
                          .queryParam("assist", issued.code())
                          .buildAndExpand(consultation.slug())
                          .toUriString();
                  return new ShownCode(issued, consultation, link, QrCodes.svg(link));
                })
            .toList();
    model.addAttribute("codes", codes);
    return "opinion/support";
  }

  @GetMapping("/officials/units/{edition}/{code}/paper")
  String paperForm(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String consultation,
      @Nullable SignedInOfficial official,
      Model model) {
    OfficialAtUnit at = access.requireUnit(official, Permission.ASSIST_CITIZENS, edition, code);
    return paperPage(at, chosen(consultation), Map.of(), null, model);
  }

  @PostMapping("/officials/units/{edition}/{code}/paper")
  String enterPaper(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam Map<String, String> params,
      @Nullable SignedInOfficial official,
      Model model) {
    OfficialAtUnit at = access.requireUnit(official, Permission.ASSIST_CITIZENS, edition, code);
    Consultation consultation = chosen(params.get("consultation"));
    if (consultation == null) {
      return paperPage(at, null, params, "opinion.unknownConsultation", model);
    }
    String citizenId = params.getOrDefault("citizenId", "").strip();
    if (!CitizenId.isValid(citizenId)) {
      return paperPage(at, consultation, params, "paper.citizenIdInvalid", model);
    }
    OpinionForm form = OpinionForm.from(consultations.items(consultation.id()), params);
    if (!form.complete()) {
      return paperPage(at, consultation, params, "opinion.missingItems", model);
    }
    var paper =
        new Assistance.OnPaper(
            at.official().username(),
            params.getOrDefault("place", "").strip(),
            params.getOrDefault("reference", "").strip(),
            at.unit().id());
    // Entering a form acts on a named person, and even a refusal says something about them: the
    // audit trail records every attempt, who made it and for which form, never what it said.
    events.publishEvent(
        new OfficialViewedPeople(
            at.official().username(),
            at.unit().edition(),
            at.unit().code(),
            at.unit().path(),
            "paper-form",
            paper.reference(),
            1));
    PaperEntry entry;
    try {
      entry =
          paperForms.enter(
              new SubmitOpinion(
                  consultation.id(), CitizenId.of(citizenId), 0, paper, form.answers(), form.generalComment(), null));
    } catch (org.springframework.dao.DuplicateKeyException sameFormAtTheSameMoment) {
      entry = new PaperEntry.Refused(new SubmissionResult.Rejected("opinion.paperAlreadyEntered", paper.reference()));
    }
    return switch (entry) {
      case PaperEntry.Confirmed confirmed -> entered(at, consultation, confirmed, model);
      case PaperEntry.AwaitingSecondEntry awaiting -> {
        model.addAttribute("awaiting", awaiting.reference());
        yield paperPage(at, consultation, Map.of(), null, model);
      }
      case PaperEntry.SameOfficer same -> paperPage(at, consultation, params, "paper.sameOfficer", model);
      case PaperEntry.OutsideArea outside -> paperPage(at, consultation, params, "paper.outsideArea", model);
      case PaperEntry.DoesNotMatch(String reference, String firstBy) -> {
        model.addAttribute("errorDetail", firstBy);
        yield paperPage(at, consultation, params, "paper.doesNotMatch", model);
      }
      case PaperEntry.Refused(SubmissionResult result) -> refused(at, consultation, params, result, model);
    };
  }

  private String refused(
      OfficialAtUnit at, Consultation consultation, Map<String, String> params, SubmissionResult result, Model model) {
    return switch (result) {
      case SubmissionResult.Accepted accepted -> throw new IllegalStateException("an accepted form is not refused");
      case SubmissionResult.Replayed replayed -> throw new IllegalStateException("a paper form is never replayed");
      case SubmissionResult.NotEligible(EligibilityDecision decision) -> {
        model.addAttribute("errorDetail", decision instanceof EligibilityDecision.TooYoung(int age) ? age : "");
        yield paperPage(at, consultation, params, decision.messageKey(), model);
      }
      case SubmissionResult.Rejected(String key, String detail) -> {
        model.addAttribute("errorDetail", detail);
        yield paperPage(at, consultation, params, key, model);
      }
      case SubmissionResult.TooFrequent(long seconds) -> {
        model.addAttribute("errorDetail", seconds);
        yield paperPage(at, consultation, params, "opinion.tooManyRequests", model);
      }
      case SubmissionResult.UnknownConsultation unknown ->
          paperPage(at, null, params, "opinion.unknownConsultation", model);
    };
  }

  private String entered(OfficialAtUnit at, Consultation consultation, PaperEntry.Confirmed confirmed, Model model) {
    model.addAttribute("unit", at.unit());
    model.addAttribute("consultation", consultation);
    model.addAttribute("firstEnteredBy", confirmed.firstEnteredBy());
    ReceiptLinks.show(confirmed.receipt(), model);
    return "opinion/paper-entered";
  }

  private String paperPage(
      OfficialAtUnit at,
      @Nullable Consultation consultation,
      Map<String, String> params,
      @Nullable String errorKey,
      Model model) {
    model.addAttribute("unit", at.unit());
    model.addAttribute("open", open());
    model.addAttribute("consultation", consultation);
    model.addAttribute("errorKey", errorKey);
    model.addAttribute("values", params);
    model.addAttribute(
        "form",
        consultation == null ? null : OpinionForm.from(consultations.items(consultation.id()), params));
    model.addAttribute("maxComment", vn.ykien.opinion.Answer.MAX_COMMENT_LENGTH);
    // Forms typed once, waiting for a second officer: numbers and who typed them, never whose.
    model.addAttribute(
        "waiting", consultation == null ? List.of() : paperForms.waitingAt(consultation.id(), at.unit(), WAITING_SHOWN));
    return "opinion/paper";
  }

  private @Nullable Consultation chosen(@Nullable String slug) {
    return consultations.namedOrFirstOpen(slug, clock.instant()).orElse(null);
  }

  private List<Consultation> open() {
    var now = clock.instant();
    return consultations.openOrUpcoming(now).stream().filter(c -> c.window().isOpenAt(now)).toList();
  }
}
