package vn.ykien.opinion.web;

import java.util.List;
import java.util.Map;
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
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.DraftItem;
import vn.ykien.consultation.Eligibility;
import vn.ykien.consultation.EligibilityDecision;
import vn.ykien.identity.SignedInCitizen;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.SupportPoints;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.OwnOpinions;
import vn.ykien.opinion.WithdrawOpinion;
import vn.ykien.opinion.WithdrawalResult;
import vn.ykien.opinion.Receipt;
import vn.ykien.opinion.ReceiptCheck;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;

/** The citizen's pages: give or revise an opinion, review it, confirm it, get a receipt. */
@Controller
class OpinionPages {

  private final Consultations consultations;
  private final Eligibility eligibility;
  private final OpinionSubmission submission;
  private final OwnOpinions own;
  private final java.time.Clock clock;
  private final SupportPoints supportPoints;

  OpinionPages(
      Consultations consultations,
      Eligibility eligibility,
      OpinionSubmission submission,
      OwnOpinions own,
      SupportPoints supportPoints,
      java.time.Clock clock) {
    this.supportPoints = supportPoints;
    this.clock = clock;
    this.consultations = consultations;
    this.eligibility = eligibility;
    this.submission = submission;
    this.own = own;
  }

  /** The citizen's own history: every revision, any withdrawal, every receipt and its standing. */
  @GetMapping("/consultations/{slug}/history")
  String history(@PathVariable String slug, @Nullable SignedInCitizen citizen, Model model) {
    if (citizen == null) {
      return "redirect:/sign-in";
    }
    Consultation consultation = consultation(slug);
    if (citizen.assuranceLevel() < 2) {
      // What someone said is shown back only to a sign-in as strong as the one that sent it.
      return notEligible(consultation, new EligibilityDecision.LevelTooLow(citizen.assuranceLevel()), model);
    }
    model.addAttribute("consultation", consultation);
    model.addAttribute("history", own.history(consultation.id(), citizen.citizenId()));
    model.addAttribute(
        "items",
        consultations.items(consultation.id()).stream()
            .collect(java.util.stream.Collectors.toMap(DraftItem::id, item -> item)));
    model.addAttribute("formatter", ReceiptTimes.FORMAT);
    model.addAttribute("open", consultation.window().isOpenAt(clock.instant()));
    return "opinion/history";
  }

  /** Asks once more before withdrawing: what it does, and that it can be undone only by sending again. */
  @GetMapping("/consultations/{slug}/opinion/withdraw")
  String confirmWithdrawal(@PathVariable String slug, @Nullable SignedInCitizen citizen, Model model) {
    if (citizen == null) {
      return "redirect:/sign-in";
    }
    model.addAttribute("consultation", consultation(slug));
    return "opinion/withdraw";
  }

  @PostMapping("/consultations/{slug}/opinion/withdraw")
  String withdraw(
      @PathVariable String slug,
      @Nullable SignedInCitizen citizen,
      Model model,
      RedirectAttributes redirect) {
    if (citizen == null) {
      return "redirect:/sign-in";
    }
    Consultation consultation = consultation(slug);
    WithdrawalResult result =
        own.withdraw(new WithdrawOpinion(consultation.id(), citizen.citizenId(), citizen.assuranceLevel()));
    return switch (result) {
      case WithdrawalResult.Withdrawn withdrawn -> {
        redirect.addFlashAttribute("noticeKey", "history.withdrawn");
        yield "redirect:/consultations/" + slug + "/history";
      }
      case WithdrawalResult.NothingToWithdraw nothing -> {
        redirect.addFlashAttribute("noticeKey", "history.nothingToWithdraw");
        yield "redirect:/consultations/" + slug + "/history";
      }
      case WithdrawalResult.NotAllowed(EligibilityDecision decision) -> notEligible(consultation, decision, model);
      case WithdrawalResult.UnknownConsultation unknown -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    };
  }

  @GetMapping("/consultations/{slug}/opinion")
  String form(
      @PathVariable String slug,
      @RequestParam(name = OpinionForm.ASSIST, required = false) @Nullable String assist,
      @Nullable SignedInCitizen citizen,
      Model model) {
    if (citizen == null) {
      return "redirect:/sign-in";
    }
    Consultation consultation = consultation(slug);
    EligibilityDecision decision =
        eligibility.decide(consultation, citizen.citizenId(), citizen.assuranceLevel());
    if (!decision.isEligible()) {
      return notEligible(consultation, decision, model);
    }
    List<DraftItem> items = consultations.items(consultation.id());
    var current = submission.currentAnswers(consultation.id(), citizen.citizenId());
    model.addAttribute("revising", !current.isEmpty());
    String general =
        submission.currentGeneralComment(consultation.id(), citizen.citizenId()).orElse(null);
    return formPage(consultation, OpinionForm.of(items, current, general).assistedWith(assist), citizen, null, model);
  }

  @PostMapping("/consultations/{slug}/opinion/review")
  String review(
      @PathVariable String slug,
      @RequestParam Map<String, String> params,
      @Nullable SignedInCitizen citizen,
      Model model) {
    if (citizen == null) {
      return "redirect:/sign-in";
    }
    Consultation consultation = consultation(slug);
    OpinionForm form = OpinionForm.from(consultations.items(consultation.id()), params);
    if ("true".equals(params.get("approveAll"))) {
      form = form.approvingEverything();
    }
    if (!form.complete()) {
      return formPage(consultation, form, citizen, "opinion.missingItems", model);
    }
    if (!form.partlyExplained()) {
      return formPage(consultation, form, citizen, "opinion.partlyNeedsText", model);
    }
    model.addAttribute("consultation", consultation);
    model.addAttribute("form", form);
    return "opinion/review";
  }

  /** Back from the review to the form, keeping what was chosen. */
  @PostMapping("/consultations/{slug}/opinion/edit")
  String edit(
      @PathVariable String slug,
      @RequestParam Map<String, String> params,
      @Nullable SignedInCitizen citizen,
      Model model) {
    if (citizen == null) {
      return "redirect:/sign-in";
    }
    Consultation consultation = consultation(slug);
    return formPage(
        consultation, OpinionForm.from(consultations.items(consultation.id()), params), citizen, null, model);
  }

  @PostMapping("/consultations/{slug}/opinion")
  String submit(
      @PathVariable String slug,
      @RequestParam Map<String, String> params,
      @Nullable SignedInCitizen citizen,
      Model model,
      RedirectAttributes redirect) {
    if (citizen == null) {
      return "redirect:/sign-in";
    }
    Consultation consultation = consultation(slug);
    OpinionForm form = OpinionForm.from(consultations.items(consultation.id()), params);
    Assistance assistance = Assistance.SELF;
    if (form.assist() != null) {
      var helped = supportPoints.resolve(form.assist(), consultation.id());
      if (helped.isEmpty()) {
        return formPage(consultation, form, citizen, null, model); // says the code is not valid
      }
      assistance = helped.get();
    }
    SubmissionResult result =
        submission.submit(
            new SubmitOpinion(
                consultation.id(),
                citizen.citizenId(),
                citizen.assuranceLevel(),
                assistance,
                form.answers(),
                form.generalComment(),
                null));
    return switch (result) {
      case SubmissionResult.Accepted accepted -> {
        redirect.addFlashAttribute("justSubmitted", true);
        redirect.addFlashAttribute("revision", accepted.revision());
        yield "redirect:/consultations/" + slug + "/receipt";
      }
      // The pages send no idempotency key; a replay cannot happen here, but it would mean "done".
      case SubmissionResult.Replayed replayed -> "redirect:/consultations/" + slug + "/receipt";
      case SubmissionResult.NotEligible(EligibilityDecision decision) ->
          notEligible(consultation, decision, model);
      case SubmissionResult.Rejected(String key, String detail) ->
          formPage(consultation, form, citizen, key, model);
      case SubmissionResult.TooFrequent(long seconds) -> {
        model.addAttribute("errorArgument", seconds);
        yield formPage(consultation, form, citizen, "opinion.tooManyRequests", model);
      }
      case SubmissionResult.UnknownConsultation unknown ->
          throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    };
  }

  @GetMapping("/consultations/{slug}/receipt")
  String receipt(@PathVariable String slug, @Nullable SignedInCitizen citizen, Model model) {
    if (citizen == null) {
      return "redirect:/sign-in";
    }
    Consultation consultation = consultation(slug);
    model.addAttribute("consultation", consultation);
    Receipt receipt = submission.latestReceipt(consultation.id(), citizen.citizenId()).orElse(null);
    if (receipt != null) {
      ReceiptLinks.show(receipt, model);
    }
    model.addAttribute("formatter", ReceiptTimes.FORMAT);
    return "opinion/receipt";
  }

  private void issued(long consultationId, java.time.Instant issuedAt, Model model) {
    consultations.find(consultationId).ifPresent(found -> model.addAttribute("consultation", found));
    model.addAttribute("issuedAt", ReceiptTimes.FORMAT.format(issuedAt));
  }

  /** Anyone can check a receipt here (the QR code on it leads here): no sign-in, no names. */
  @GetMapping("/receipts")
  String checkReceipt(@RequestParam(required = false) @Nullable String token, Model model) {
    if (token != null && !token.isBlank()) {
      ReceiptCheck check = submission.verify(token);
      model.addAttribute("check", check);
      model.addAttribute("checkedToken", token.strip());
      switch (check) {
        case ReceiptCheck.Valid(long consultationId, java.time.Instant issuedAt) ->
            issued(consultationId, issuedAt, model);
        case ReceiptCheck.Revoked(long consultationId, java.time.Instant issuedAt, java.time.Instant revokedAt) ->
            issued(consultationId, issuedAt, model);
        case ReceiptCheck.Invalid invalid -> {}
      }
    }
    return "opinion/receipt-check";
  }

  private String formPage(
      Consultation consultation,
      OpinionForm form,
      @Nullable SignedInCitizen citizen,
      @Nullable String errorKey,
      Model model) {
    // A support point's code is looked up once here: unknown or expired, it is dropped and said so.
    Assistance.Helped helped = null;
    if (form.assist() != null) {
      helped = supportPoints.resolve(form.assist(), consultation.id()).orElse(null);
      if (helped == null) {
        form = form.assistedWith(null);
        errorKey = errorKey == null ? "opinion.assistanceCodeInvalid" : errorKey;
      }
    }
    model.addAttribute("helped", helped);
    model.addAttribute("consultation", consultation);
    model.addAttribute("form", form);
    model.addAttribute("citizen", citizen);
    model.addAttribute("errorKey", errorKey);
    model.addAttribute("maxComment", vn.ykien.opinion.Answer.MAX_COMMENT_LENGTH);
    return "opinion/form";
  }

  private String notEligible(Consultation consultation, EligibilityDecision decision, Model model) {
    model.addAttribute("consultation", consultation);
    model.addAttribute("decision", decision);
    model.addAttribute(
        "minimumAge",
        decision instanceof EligibilityDecision.TooYoung(int age) ? age : consultation.minimumAge());
    return "opinion/not-eligible";
  }

  private Consultation consultation(String slug) {
    return consultations
        .findBySlug(slug)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
