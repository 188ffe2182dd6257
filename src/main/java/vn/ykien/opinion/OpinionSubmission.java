package vn.ykien.opinion;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.Eligibility;
import vn.ykien.consultation.EligibilityDecision;
import vn.ykien.opinion.internal.OpinionStore;
import vn.ykien.opinion.internal.Pseudonyms;
import vn.ykien.opinion.internal.ReceiptSigner;
import vn.ykien.shared.CitizenId;

/**
 * Submitting and revising opinions. One submission answers every item of the draft; a later one
 * replaces it (the latest counts) while the window is open, and every revision is kept.
 */
@Service
public class OpinionSubmission {

  private static final char[] RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final Consultations consultations;
  private final Eligibility eligibility;
  private final OpinionStore store;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final ReceiptSigner signer;
  private final SecureRandom random = new SecureRandom();
  private final int perCitizenPerMinute;
  private final vn.ykien.units.Units units;
  private final vn.ykien.opinion.internal.ContentSeal seal;
  private final OwnContent own;

  OpinionSubmission(
      Consultations consultations,
      Eligibility eligibility,
      OpinionStore store,
      Pseudonyms pseudonyms,
      Clock clock,
      ReceiptSigner signer,
      vn.ykien.units.Units units,
      vn.ykien.opinion.internal.ContentSeal seal,
      OwnContent own,
      @org.springframework.beans.factory.annotation.Value("${ykien.api.rate-limit.per-citizen-per-minute:20}")
          int perCitizenPerMinute) {
    this.perCitizenPerMinute = perCitizenPerMinute;
    this.units = units;
    this.seal = seal;
    this.own = own;
    this.consultations = consultations;
    this.eligibility = eligibility;
    this.store = store;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.signer = signer;
  }

  /**
   * Submits an opinion the citizen gave with their own e-ID (alone or helped). A paper form is
   * entered through {@link PaperForms} instead: it counts only once a second officer confirmed it.
   */
  @Transactional
  public SubmissionResult submit(SubmitOpinion command) {
    if (command.assistance() instanceof Assistance.OnPaper) {
      return new SubmissionResult.Rejected("opinion.paperNeedsSecondEntry", "");
    }
    return record(command);
  }

  /** A paper form both officers typed alike ({@link PaperForms}): it counts now. */
  @Transactional
  SubmissionResult submitConfirmedPaper(SubmitOpinion command) {
    if (!(command.assistance() instanceof Assistance.OnPaper paper)
        || paper.confirmedBy() == null
        || paper.confirmedBy().equals(paper.official())) {
      throw new IllegalArgumentException("a paper form counts only when a second officer confirmed it");
    }
    return record(command);
  }

  /**
   * Everything that would refuse this paper form, checked without writing anything: a first entry
   * that could never count is refused at once instead of waiting for a second officer.
   */
  @Transactional(readOnly = true)
  Optional<SubmissionResult> refusalOfPaper(SubmitOpinion command) {
    Admission admission = admit(command);
    if (admission.refusal() != null) {
      return Optional.of(admission.refusal());
    }
    Optional<Channel> took = store.participationChannel(command.consultationId(), command.citizen());
    if (took.isPresent() && took.get() != Channel.PAPER) {
      return Optional.of(new SubmissionResult.Rejected("opinion.paperWouldReplaceOwn", ""));
    }
    return Optional.empty();
  }

  /** Either why the submission is refused, or where the person is counted and in which group. */
  private record Admission(
      @org.jspecify.annotations.Nullable SubmissionResult refusal,
      @org.jspecify.annotations.Nullable Consultation consultation,
      long unitId,
      vn.ykien.consultation.@org.jspecify.annotations.Nullable CitizenGroup group) {}

  private Admission admit(SubmitOpinion command) {
    Optional<Consultation> found = consultations.find(command.consultationId());
    if (found.isEmpty()) {
      return refused(new SubmissionResult.UnknownConsultation(command.consultationId()));
    }
    Consultation consultation = found.get();
    Optional<SubmissionResult.Rejected> unclear = validate(command.assistance());
    if (unclear.isPresent()) {
      return refused(unclear.get());
    }
    EligibilityDecision decision =
        command.assistance() instanceof Assistance.OnPaper
            ? eligibility.decideOnPaper(consultation, command.citizen())
            : eligibility.decide(consultation, command.citizen(), command.signedInLevel());
    if (!(decision instanceof EligibilityDecision.Eligible(long unitId, var group))) {
      return refused(new SubmissionResult.NotEligible(decision));
    }
    Optional<SubmissionResult.Rejected> invalid =
        validate(command.answers(), consultations.itemIds(consultation.id()));
    if (invalid.isEmpty() && !storable(command.generalComment())) {
      invalid = Optional.of(new SubmissionResult.Rejected("opinion.invalidCharacters", ""));
    }
    if (invalid.isEmpty()
        && command.generalComment() != null
        && command.generalComment().codePointCount(0, command.generalComment().length()) > Answer.MAX_COMMENT_LENGTH) {
      invalid = Optional.of(new SubmissionResult.Rejected("opinion.generalCommentTooLong", ""));
    }
    if (invalid.isPresent()) {
      return refused(invalid.get());
    }
    if (command.assistance() instanceof Assistance.OnPaper paper) {
      // An officer enters forms collected for their own unit, each form once.
      var collectedFor = units.find(paper.unitId());
      var home = units.find(unitId);
      if (collectedFor.isEmpty() || home.isEmpty() || !collectedFor.get().contains(home.get())) {
        return refused(new SubmissionResult.Rejected("opinion.paperOutsideUnit", ""));
      }
      if (store.paperEntered(consultation.id(), paper.reference())) {
        return refused(new SubmissionResult.Rejected("opinion.paperAlreadyEntered", paper.reference()));
      }
    }
    return new Admission(null, consultation, unitId, group);
  }

  private static Admission refused(SubmissionResult refusal) {
    return new Admission(refusal, null, 0, null);
  }

  private SubmissionResult record(SubmitOpinion command) {
    Admission admission = admit(command);
    if (admission.refusal() != null) {
      return admission.refusal();
    }
    Consultation consultation = admission.consultation();
    long unitId = admission.unitId();
    var group = admission.group();
    Instant now = clock.instant();
    String receipt = newReceiptNumber();
    // A first submission (the common case) inserts the participation row at once; otherwise the
    // row is locked, which also orders concurrent requests of the same person (e.g. a retry).
    Optional<OpinionStore.Participation> previous = Optional.empty();
    for (int attempt = 1; !store.insertParticipationAsLogWriter(
            consultation.id(), command.citizen(), unitId, command.channel(), now, receipt);
        attempt++) {
      previous = store.lockParticipation(consultation.id(), command.citizen());
      if (previous.isPresent()) {
        break;
      }
      // Withdrawn between the two statements: insert it again.
      if (attempt == 3) {
        throw new IllegalStateException("the participation row kept changing under the submission");
      }
    }
    // A paper form never replaces what the person said themselves with their e-ID (nothing was
    // written yet: the row existed). The same form entered twice at the same moment is stopped by
    // the unique form number when the receipt is written.
    if (command.assistance() instanceof Assistance.OnPaper
        && previous.isPresent()
        && previous.get().channel() != Channel.PAPER) {
      return new SubmissionResult.Rejected("opinion.paperWouldReplaceOwn", "");
    }
    // A retry of a request already stored (the participation row's lock orders concurrent ones):
    // answer it as the first time, change nothing.
    String key = command.idempotencyKey();
    byte[] fingerprint =
        key == null ? null : pseudonyms.fingerprint(consultation.id(), command.citizen(), key, command.canonicalAnswers());
    if (key != null && previous.isPresent()) {
      Optional<OpinionStore.IdempotentResult> first = store.findIdempotent(consultation.id(), command.citizen(), key);
      if (first.isPresent()) {
        if (!java.security.MessageDigest.isEqual(first.get().fingerprint(), fingerprint)) {
          return new SubmissionResult.Rejected("opinion.idempotencyKeyReused", key);
        }
        return new SubmissionResult.Replayed(
            signed(first.get().receiptNumber(), consultation.id(), first.get().issuedAt()), first.get().revision());
      }
    }
    // However many servers the citizen's requests reach, the database counts their submissions.
    if (previous.isPresent()) {
      List<Instant> recent = store.submissionsSince(consultation.id(), command.citizen(), now.minusSeconds(60));
      if (recent.size() >= perCitizenPerMinute) {
        long wait = Math.max(1, recent.get(recent.size() - perCitizenPerMinute).plusSeconds(60).getEpochSecond() - now.getEpochSecond());
        return new SubmissionResult.TooFrequent(wait);
      }
    }
    if (previous.isPresent()) {
      store.reviseParticipation(
          consultation.id(), command.citizen(), unitId, command.channel(), now, receipt);
    }
    Instant issuedAt = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    LocalDate firstDay =
        LocalDate.ofInstant(previous.map(OpinionStore.Participation::firstSubmittedAt).orElse(now), Consultation.ZONE);
    LocalDate day = LocalDate.ofInstant(now, Consultation.ZONE);
    int revision = store.nextChange(consultation.id(), command.citizen());
    // Content leaves this transaction sealed to the mixer, which writes it apart, among others
    // (ADR 0004); the citizen's own copy is sealed beside their participation for their pages.
    byte[] content =
        new vn.ykien.opinion.internal.Content(
                consultation.id(),
                pseudonyms.of(consultation.id(), command.citizen()),
                revision,
                false,
                communeOf(unitId),
                command.channel(),
                group,
                firstDay,
                day,
                command.answers(),
                blankToNull(command.generalComment()))
            .bytes();
    // The one write downstream readers follow is part of this one statement: nothing else is done
    // on the submission's behalf, now or after its commit.
    store.recordSubmission(
        consultation.id(),
        command.citizen(),
        new OpinionStore.NewRevision(
            receipt,
            issuedAt,
            command.assistance(),
            revision,
            seal.seal(content),
            pseudonyms.sealOwn(consultation.id(), command.citizen(), revision, content),
            key == null ? null : new OpinionStore.Idempotency(key, fingerprint, now),
            new OpinionStore.LogEntry(unitId, communeOf(unitId), command.channel(), group, firstDay),
            day,
            now.truncatedTo(java.time.temporal.ChronoUnit.HOURS)));
    return new SubmissionResult.Accepted(signed(receipt, consultation.id(), issuedAt), revision);
  }

  /** The commune of each lowest unit met (a unit's place never changes): content is placed there. */
  private final java.util.Map<Long, Long> communes = new java.util.concurrent.ConcurrentHashMap<>();

  /** The commune the unit lies in (the unit itself unless it is a village). */
  private long communeOf(long unitId) {
    return communes.computeIfAbsent(unitId, id -> {
      List<vn.ykien.units.Unit> lineage = units.lineage(id);
      for (int i = lineage.size() - 1; i >= 0; i--) {
        if (lineage.get(i).kind() != vn.ykien.units.UnitKind.VILLAGE) {
          return lineage.get(i).id();
        }
      }
      return id;
    });
  }

  /** The citizen's own current answers, to show them back (never to an official). */
  @Transactional(readOnly = true)
  public List<Answer> currentAnswers(long consultationId, CitizenId citizen) {
    return switch (own.latest(consultationId, citizen)) {
      case OwnContent.Pending pending -> pending.content().answers().stream()
          .sorted(java.util.Comparator.comparingLong(Answer::itemId))
          .toList();
      case OwnContent.PendingWithdrawal withdrawn -> List.of();
      case OwnContent.Mixed mixed -> store.currentAnswers(consultationId, pseudonyms.of(consultationId, citizen));
    };
  }

  /** The citizen's own current general comment, to show it back (never to an official). */
  @Transactional(readOnly = true)
  public Optional<String> currentGeneralComment(long consultationId, CitizenId citizen) {
    return switch (own.latest(consultationId, citizen)) {
      case OwnContent.Pending pending -> Optional.ofNullable(pending.content().generalComment());
      case OwnContent.PendingWithdrawal withdrawn -> Optional.empty();
      case OwnContent.Mixed mixed -> store.currentGeneralComment(consultationId, pseudonyms.of(consultationId, citizen));
    };
  }

  private static @org.jspecify.annotations.Nullable String blankToNull(@org.jspecify.annotations.Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** The receipt of the citizen's latest submission, if they took part. */
  @Transactional(readOnly = true)
  public Optional<Receipt> latestReceipt(long consultationId, CitizenId citizen) {
    return store
        .latestReceipt(consultationId, citizen)
        .map(latest -> signed(latest.number(), consultationId, latest.issuedAt()));
  }

  /**
   * Checks a receipt's token: its signature against the platform's key, then whether it is on
   * record and still stands. Says nothing about who holds it or what they said.
   */
  @Transactional(readOnly = true)
  public ReceiptCheck verify(String token) {
    // A receipt's number alone, as typed from paper: 80 random bits cannot be guessed, and the
    // platform's record says whether it stands (the signature is for checking without us).
    String typed = token == null ? "" : token.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
    if (typed.matches("YK[0-9A-Z]{16}")) {
      String number = "YK-" + typed.substring(2, 6) + "-" + typed.substring(6, 10) + "-" + typed.substring(10, 14)
          + "-" + typed.substring(14);
      return store
          .findReceipt(number)
          .<ReceiptCheck>map(
              stored ->
                  stored.revokedAt() == null
                      ? new ReceiptCheck.Valid(stored.consultationId(), stored.issuedAt())
                      : new ReceiptCheck.Revoked(stored.consultationId(), stored.issuedAt(), stored.revokedAt()))
          .orElseGet(ReceiptCheck.Invalid::new);
    }
    String[] parts = token == null ? new String[0] : token.strip().split("\\.");
    if (parts.length != 4 || parts[0].length() > 40) {
      return new ReceiptCheck.Invalid();
    }
    long consultationId;
    long epochSecond;
    byte[] signature;
    try {
      consultationId = Long.parseLong(parts[1]);
      epochSecond = Long.parseLong(parts[2]);
      signature = Base64.getUrlDecoder().decode(parts[3]);
    } catch (IllegalArgumentException malformed) {
      return new ReceiptCheck.Invalid();
    }
    if (!signer.verify(Receipt.signedText(parts[0], consultationId, epochSecond), signature)) {
      return new ReceiptCheck.Invalid();
    }
    return store
        .findReceipt(parts[0])
        .filter(stored -> stored.consultationId() == consultationId)
        .filter(stored -> stored.issuedAt().getEpochSecond() == epochSecond)
        .<ReceiptCheck>map(
            stored ->
                stored.revokedAt() == null
                    ? new ReceiptCheck.Valid(consultationId, stored.issuedAt())
                    : new ReceiptCheck.Revoked(consultationId, stored.issuedAt(), stored.revokedAt()))
        .orElseGet(ReceiptCheck.Invalid::new);
  }

  /** The platform's public key for receipts (PEM), to publish. */
  public String receiptPublicKeyPem() {
    return signer.publicKeyPem();
  }

  private Receipt signed(String number, long consultationId, Instant issuedAt) {
    return signer.receipt(number, consultationId, issuedAt);
  }

  /** The longest place name and paper form number accepted. */
  public static final int MAX_PLACE_LENGTH = 200;

  public static final int MAX_PAPER_REFERENCE_LENGTH = 40;

  /**
   * Text PostgreSQL can store as typed: no NUL character, and no U+FFFD, which stands for bytes
   * that were not valid UTF-8 (a web form's decoder puts it there instead of refusing).
   */
  private static boolean storable(@org.jspecify.annotations.Nullable String text) {
    return text == null || (text.indexOf('\u0000') < 0 && text.indexOf('\uFFFD') < 0);
  }

  private static Optional<SubmissionResult.Rejected> validate(Assistance assistance) {
    String place =
        switch (assistance) {
          case Assistance.Self self -> "-";
          case Assistance.Helped helped -> helped.place();
          case Assistance.OnPaper paper -> paper.place();
        };
    if (place.isBlank() || place.length() > MAX_PLACE_LENGTH || !storable(place)) {
      return Optional.of(new SubmissionResult.Rejected("opinion.placeRequired", ""));
    }
    if (assistance instanceof Assistance.OnPaper paper
        && !paper.reference().matches("[\\p{L}\\p{N}/._-]{1," + MAX_PAPER_REFERENCE_LENGTH + "}")) {
      return Optional.of(new SubmissionResult.Rejected("opinion.paperReferenceInvalid", ""));
    }
    return Optional.empty();
  }

  private static Optional<SubmissionResult.Rejected> validate(List<Answer> answers, List<Long> items) {
    Set<Long> known = new HashSet<>(items);
    Set<Long> seen = new HashSet<>();
    for (Answer answer : answers) {
      if (!known.contains(answer.itemId())) {
        return Optional.of(
            new SubmissionResult.Rejected("opinion.unknownItem", String.valueOf(answer.itemId())));
      }
      if (!seen.add(answer.itemId())) {
        return Optional.of(
            new SubmissionResult.Rejected("opinion.duplicateItem", String.valueOf(answer.itemId())));
      }
      if (answer.stance().needsText() && (answer.comment() == null || answer.comment().isBlank())) {
        return Optional.of(
            new SubmissionResult.Rejected("opinion.partlyNeedsText", String.valueOf(answer.itemId())));
      }
      if (!storable(answer.comment())) {
        return Optional.of(
            new SubmissionResult.Rejected("opinion.invalidCharacters", String.valueOf(answer.itemId())));
      }
      if (answer.comment() != null && answer.comment().codePointCount(0, answer.comment().length()) > Answer.MAX_COMMENT_LENGTH) {
        return Optional.of(
            new SubmissionResult.Rejected("opinion.commentTooLong", String.valueOf(answer.itemId())));
      }
    }
    if (!seen.equals(known)) {
      Set<Long> missing = new HashSet<>(known);
      missing.removeAll(seen);
      return Optional.of(new SubmissionResult.Rejected("opinion.missingItems", missing.toString()));
    }
    return Optional.empty();
  }

  private String newReceiptNumber() {
    StringBuilder number = new StringBuilder("YK-");
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        number.append('-');
      }
      number.append(RECEIPT_ALPHABET[random.nextInt(RECEIPT_ALPHABET.length)]);
    }
    return number.toString();
  }
}
