package vn.ykien.opinion.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.EligibilityDecision;
import vn.ykien.identity.SignedInCitizen;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.SupportPoints;
import vn.ykien.opinion.OpinionHistory;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.OwnOpinions;
import vn.ykien.opinion.WithdrawOpinion;
import vn.ykien.opinion.WithdrawalResult;
import vn.ykien.opinion.ReceiptCheck;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;

/**
 * Submitting an opinion from the e-ID app or another channel, with the citizen's e-ID access token
 * as bearer token. Errors are problem+json in Vietnamese and English; nothing is stored on error.
 */
@RestController
class OpinionApi {

  private final OpinionSubmission submission;
  private final ApiProblems problems;
  private final SubmissionRateLimits limits;
  private final Consultations consultations;
  private final OwnOpinions own;
  private final SupportPoints supportPoints;

  OpinionApi(
      OpinionSubmission submission,
      ApiProblems problems,
      SubmissionRateLimits limits,
      Consultations consultations,
      OwnOpinions own,
      SupportPoints supportPoints) {
    this.own = own;
    this.supportPoints = supportPoints;
    this.submission = submission;
    this.consultations = consultations;
    this.limits = limits;
    this.problems = problems;
  }

  record AnswerJson(@Nullable Long itemId, @Nullable String stance, @Nullable String comment) {}

  /**
   * An opinion: an answer per item, or {@code approveAll: true} (the "approve the whole draft"
   * shortcut), which records APPROVE on every item not answered otherwise.
   */
  record SubmissionJson(
      @Nullable List<AnswerJson> answers,
      @Nullable Boolean approveAll,
      @Nullable String generalComment,
      @Nullable String assistanceCode) {}

  record ReceiptJson(
      String receiptNumber, long consultationId, Instant issuedAt, int revision, String token, String signature) {

    static ReceiptJson of(vn.ykien.opinion.Receipt receipt, int revision) {
      return new ReceiptJson(
          receipt.number(), receipt.consultationId(), receipt.issuedAt(), revision, receipt.token(), receipt.signature());
    }
  }

  /** A receipt's standing: VALID, REVOKED or INVALID; the consultation and time when known. */
  record ReceiptCheckJson(String status, @Nullable Long consultationId, @Nullable Instant issuedAt) {}

  /** Anyone may check a receipt: it names no one and says nothing of what was said. */
  @GetMapping("/api/v1/receipts/{token}")
  ReceiptCheckJson checkReceipt(@PathVariable String token) {
    return switch (submission.verify(token)) {
      case ReceiptCheck.Valid(long consultation, Instant issuedAt) ->
          new ReceiptCheckJson("VALID", consultation, issuedAt);
      case ReceiptCheck.Revoked(long consultation, Instant issuedAt, Instant revokedAt) ->
          new ReceiptCheckJson("REVOKED", consultation, issuedAt);
      case ReceiptCheck.Invalid invalid -> new ReceiptCheckJson("INVALID", null, null);
    };
  }

  /** The key receipts are signed with, to check them without asking the platform. */
  @GetMapping(value = "/api/v1/receipts/public-key", produces = "application/x-pem-file")
  String receiptPublicKey() {
    return submission.receiptPublicKeyPem();
  }

  @PostMapping("/api/v1/consultations/{consultationId}/opinions")
  ResponseEntity<?> submit(
      @PathVariable long consultationId,
      @RequestBody SubmissionJson body,
      @Nullable SignedInCitizen citizen,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
      HttpServletRequest request) {
    if (citizen == null) {
      return status(problems.problem(HttpStatus.UNAUTHORIZED, "opinion.notSignedIn", request));
    }
    // A caller's own token for this request: printable ASCII, as the IETF draft describes it.
    if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7E]{1,100}")) {
      return status(problems.problem(HttpStatus.BAD_REQUEST, "opinion.badIdempotencyKey", request));
    }
    var wait = limits.refusal(request.getRemoteAddr(), citizen.citizenId());
    if (wait.isPresent()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", String.valueOf(wait.getAsLong()))
          .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
          .body(problems.problem(HttpStatus.TOO_MANY_REQUESTS, "opinion.tooManyRequests", request, wait.getAsLong()));
    }
    List<Answer> answers = new ArrayList<>();
    for (AnswerJson answer : body.answers() == null ? List.<AnswerJson>of() : body.answers()) {
      if (answer == null) {
        return status(problems.problem(HttpStatus.BAD_REQUEST, "opinion.malformed", request));
      }
      Stance stance = Stance.parse(answer.stance()).orElse(null);
      if (answer.itemId() == null || stance == null) {
        return status(problems.problem(HttpStatus.BAD_REQUEST, "opinion.invalidStance", request));
      }
      String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
      answers.add(new Answer(answer.itemId(), stance, comment));
    }
    if (Boolean.TRUE.equals(body.approveAll())) {
      var answered = answers.stream().map(Answer::itemId).collect(java.util.stream.Collectors.toSet());
      for (long item : consultations.itemIds(consultationId)) {
        if (!answered.contains(item)) {
          answers.add(new Answer(item, Stance.APPROVE, null));
        }
      }
    }
    Assistance assistance = Assistance.SELF;
    if (body.assistanceCode() != null && !body.assistanceCode().isBlank()) {
      var helped = supportPoints.resolve(body.assistanceCode(), consultationId);
      if (helped.isEmpty()) {
        return status(problems.problem(HttpStatus.BAD_REQUEST, "opinion.assistanceCodeInvalid", request));
      }
      assistance = helped.get();
    }
    SubmissionResult result =
        submission.submit(
            new SubmitOpinion(
                consultationId,
                citizen.citizenId(),
                citizen.assuranceLevel(),
                assistance,
                answers,
                body.generalComment() == null || body.generalComment().isBlank() ? null : body.generalComment().strip(),
                idempotencyKey));
    return switch (result) {
      case SubmissionResult.Accepted(var receipt, int revision) ->
          ResponseEntity.status(HttpStatus.CREATED).body(ReceiptJson.of(receipt, revision));
      case SubmissionResult.NotEligible(EligibilityDecision decision) ->
          status(
              problems.problem(
                  decision instanceof EligibilityDecision.Closed
                          || decision instanceof EligibilityDecision.NotOpenYet
                      ? HttpStatus.CONFLICT
                      : HttpStatus.FORBIDDEN,
                  decision.messageKey(),
                  request,
                  decision instanceof EligibilityDecision.TooYoung(int age) ? age : 14));
      case SubmissionResult.Replayed(var receipt, int revision) ->
          ResponseEntity.status(HttpStatus.CREATED)
              .header("Idempotent-Replayed", "true")
              .body(ReceiptJson.of(receipt, revision));
      case SubmissionResult.Rejected(String key, String detail) ->
          status(
              problems.problem(
                  "opinion.idempotencyKeyReused".equals(key)
                      ? HttpStatus.UNPROCESSABLE_CONTENT
                      : HttpStatus.BAD_REQUEST,
                  key,
                  request,
                  detail));
      case SubmissionResult.TooFrequent(long seconds) ->
          ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
              .header("Retry-After", String.valueOf(seconds))
              .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
              .body(problems.problem(HttpStatus.TOO_MANY_REQUESTS, "opinion.tooManyRequests", request, seconds));
      case SubmissionResult.UnknownConsultation unknown ->
          status(problems.problem(HttpStatus.NOT_FOUND, "opinion.unknownConsultation", request));
    };
  }

  record HistoryAnswerJson(long itemId, String stance, @Nullable String comment) {}

  /** One step of the citizen's history: a REVISION with its answers, or a WITHDRAWAL. */
  record HistoryEntryJson(
      String kind,
      int revision,
      java.time.LocalDate on,
      @Nullable List<HistoryAnswerJson> answers,
      @Nullable String generalComment) {}

  record IssuedReceiptJson(String receiptNumber, Instant issuedAt, String status, String token) {}

  record HistoryJson(boolean standing, List<HistoryEntryJson> entries, List<IssuedReceiptJson> receipts) {}

  /** The citizen's own history in this consultation; only their own token can read it. */
  @GetMapping("/api/v1/consultations/{consultationId}/opinions/mine")
  ResponseEntity<?> history(
      @PathVariable long consultationId, @Nullable SignedInCitizen citizen, HttpServletRequest request) {
    if (citizen == null) {
      return status(problems.problem(HttpStatus.UNAUTHORIZED, "opinion.notSignedIn", request));
    }
    if (consultations.find(consultationId).isEmpty()) {
      return status(problems.problem(HttpStatus.NOT_FOUND, "opinion.unknownConsultation", request));
    }
    if (citizen.assuranceLevel() < 2) {
      return status(problems.problem(HttpStatus.FORBIDDEN, "eligibility.levelTooLow", request, 14));
    }
    OpinionHistory history = own.history(consultationId, citizen.citizenId());
    List<HistoryEntryJson> entries =
        history.entries().stream()
            .map(
                entry ->
                    switch (entry) {
                      case OpinionHistory.Revision revision ->
                          new HistoryEntryJson(
                              "REVISION",
                              revision.revision(),
                              revision.on(),
                              revision.answers().stream()
                                  .map(a -> new HistoryAnswerJson(a.itemId(), a.stance().name(), a.comment()))
                                  .toList(),
                              revision.generalComment());
                      case OpinionHistory.Withdrawal withdrawal ->
                          new HistoryEntryJson("WITHDRAWAL", withdrawal.revision(), withdrawal.on(), null, null);
                    })
            .toList();
    List<IssuedReceiptJson> receipts =
        history.receipts().stream()
            .map(
                issued ->
                    new IssuedReceiptJson(
                        issued.receipt().number(),
                        issued.receipt().issuedAt(),
                        issued.standing() ? "VALID" : "REVOKED",
                        issued.receipt().token()))
            .toList();
    return ResponseEntity.ok(new HistoryJson(history.standing(), entries, receipts));
  }

  record WithdrawnJson(int revision, int revokedReceipts) {}

  /** Withdraws the citizen's opinion while the window is open; its receipts read REVOKED after. */
  @DeleteMapping("/api/v1/consultations/{consultationId}/opinions/mine")
  ResponseEntity<?> withdraw(
      @PathVariable long consultationId, @Nullable SignedInCitizen citizen, HttpServletRequest request) {
    if (citizen == null) {
      return status(problems.problem(HttpStatus.UNAUTHORIZED, "opinion.notSignedIn", request));
    }
    return switch (own.withdraw(new WithdrawOpinion(consultationId, citizen.citizenId(), citizen.assuranceLevel()))) {
      case WithdrawalResult.Withdrawn(int revision, int revoked) -> ResponseEntity.ok(new WithdrawnJson(revision, revoked));
      case WithdrawalResult.NothingToWithdraw nothing ->
          status(problems.problem(HttpStatus.NOT_FOUND, "opinion.nothingToWithdraw", request));
      case WithdrawalResult.NotAllowed(EligibilityDecision decision) ->
          status(
              problems.problem(
                  decision instanceof EligibilityDecision.Closed || decision instanceof EligibilityDecision.NotOpenYet
                      ? HttpStatus.CONFLICT
                      : HttpStatus.FORBIDDEN,
                  decision.messageKey(),
                  request,
                  14));
      case WithdrawalResult.UnknownConsultation unknown ->
          status(problems.problem(HttpStatus.NOT_FOUND, "opinion.unknownConsultation", request));
    };
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> malformed(HttpServletRequest request) {
    return status(problems.problem(HttpStatus.BAD_REQUEST, "opinion.malformed", request));
  }

  private static ResponseEntity<ProblemDetail> status(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
