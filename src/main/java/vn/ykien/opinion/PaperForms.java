package vn.ykien.opinion;

import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.identity.OfficialChangedRecords;
import vn.ykien.opinion.internal.OpinionStore;
import vn.ykien.opinion.internal.Pseudonyms;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Paper forms, four eyes: an officer types a signed form, and it counts only when a second
 * officer, working from the same paper, types it again and both entries agree (double entry, as
 * survey data entry does it). Until then only a keyed digest of the first entry is stored, never
 * its answers; the confirmation is written to the audit trail in the transaction that counts it.
 */
@Service
public class PaperForms {

  /** The audit trail's name for a confirmed paper form. */
  public static final String AUDITED_ACTION = "paper-form-confirmed";

  private final OpinionSubmission submission;
  private final OpinionStore store;
  private final Pseudonyms pseudonyms;
  private final Units units;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PaperForms(
      OpinionSubmission submission,
      OpinionStore store,
      Pseudonyms pseudonyms,
      Units units,
      ApplicationEventPublisher events,
      Clock clock) {
    this.submission = submission;
    this.store = store;
    this.pseudonyms = pseudonyms;
    this.units = units;
    this.events = events;
    this.clock = clock;
  }

  /**
   * One officer's entry of a form ({@code command}'s assistance is the {@link Assistance.OnPaper}
   * they typed, under their own name and unit): the first entry waits, a second one by another
   * officer confirms it when it agrees.
   */
  @Transactional
  public PaperEntry enter(SubmitOpinion command) {
    if (!(command.assistance() instanceof Assistance.OnPaper typed)) {
      throw new IllegalArgumentException("only paper forms are entered twice");
    }
    long consultationId = command.consultationId();
    String reference = typed.reference();
    for (int attempt = 0; attempt < 2; attempt++) {
      Optional<OpinionStore.PaperEntry> first = store.lockPaperEntry(consultationId, reference);
      if (first.isPresent()) {
        return confirm(command, typed, first.get());
      }
      Optional<SubmissionResult> refusal = submission.refusalOfPaper(command);
      if (refusal.isPresent()) {
        return new PaperEntry.Refused(refusal.get());
      }
      var entry =
          new OpinionStore.PaperEntry(
              reference,
              command.citizen(),
              typed.unitId(),
              typed.place().strip(),
              typed.official(),
              clock.instant(),
              digest(command));
      if (store.insertPaperEntry(consultationId, entry)) {
        return new PaperEntry.AwaitingSecondEntry(reference);
      }
      // Another officer stored a first entry of the same form meanwhile: this one confirms it.
    }
    throw new IllegalStateException("the first entry of paper form " + reference + " kept changing");
  }

  /** First entries waiting for a second officer at this unit and below, oldest first. */
  @Transactional(readOnly = true)
  public List<Waiting> waitingAt(long consultationId, Unit unit, int limit) {
    return store.paperEntriesAt(consultationId, units.subtree(unit.id()), limit).stream()
        .map(entry -> new Waiting(entry.reference(), entry.place(), entry.enteredBy(), entry.enteredAt()))
        .toList();
  }

  /** A form typed once: its number, where it was collected, who typed it and when (not whose it is). */
  public record Waiting(String reference, String place, String enteredBy, java.time.Instant enteredAt) {}

  private PaperEntry confirm(SubmitOpinion command, Assistance.OnPaper typed, OpinionStore.PaperEntry first) {
    if (first.enteredBy().equals(typed.official())) {
      return new PaperEntry.SameOfficer(first.reference());
    }
    Optional<Unit> firstUnit = units.find(first.unitId());
    Optional<Unit> secondUnit = units.find(typed.unitId());
    if (firstUnit.isEmpty() || secondUnit.isEmpty() || !secondUnit.get().contains(firstUnit.get())) {
      return new PaperEntry.OutsideArea(first.reference());
    }
    if (!command.citizen().equals(first.citizen())
        || !java.security.MessageDigest.isEqual(first.digest(), digest(command))) {
      return new PaperEntry.DoesNotMatch(first.reference(), first.enteredBy());
    }
    store.deletePaperEntry(command.consultationId(), first.reference());
    var confirmed =
        new Assistance.OnPaper(first.enteredBy(), first.place(), first.reference(), first.unitId(), typed.official());
    SubmissionResult result =
        submission.submitConfirmedPaper(
            new SubmitOpinion(
                command.consultationId(),
                command.citizen(),
                0,
                confirmed,
                command.answers(),
                command.generalComment(),
                null));
    if (!(result instanceof SubmissionResult.Accepted accepted)) {
      // e.g. the person took part with their e-ID since the first entry: nothing is kept.
      return new PaperEntry.Refused(result);
    }
    Unit unit = firstUnit.get();
    events.publishEvent(
        new OfficialChangedRecords(
            typed.official(),
            unit.edition(),
            unit.code(),
            unit.path(),
            AUDITED_ACTION,
            first.reference() + " | entered by " + first.enteredBy(),
            1));
    return new PaperEntry.Confirmed(first.reference(), first.enteredBy(), accepted.receipt());
  }

  /**
   * What both entries must agree on: the person, the form number and every answer. Comments are
   * compared as text, not as keystrokes (Unicode NFC, runs of spaces and line breaks as one).
   */
  private byte[] digest(SubmitOpinion command) {
    var normalised =
        new SubmitOpinion(
            command.consultationId(),
            command.citizen(),
            0,
            command.assistance(),
            command.answers().stream()
                .map(answer -> new Answer(answer.itemId(), answer.stance(), normalise(answer.comment())))
                .toList(),
            normalise(command.generalComment()),
            null);
    String reference = ((Assistance.OnPaper) command.assistance()).reference();
    return pseudonyms.paperDigest(command.consultationId(), reference, command.citizen(), normalised.canonicalAnswers());
  }

  private static @org.jspecify.annotations.Nullable String normalise(@org.jspecify.annotations.Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
  }
}
