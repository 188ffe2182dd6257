package vn.ykien.opinion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 * What a citizen can do with their own opinion besides sending it: read their history and
 * withdraw it while the window is open. Never for an official: see the architecture test.
 */
@Service
public class OwnOpinions {

  private final Consultations consultations;
  private final Eligibility eligibility;
  private final OpinionStore store;
  private final Pseudonyms pseudonyms;
  private final ReceiptSigner signer;
  private final Clock clock;
  private final OwnContent own;
  private final vn.ykien.opinion.internal.ContentSeal seal;

  OwnOpinions(
      Consultations consultations,
      Eligibility eligibility,
      OpinionStore store,
      Pseudonyms pseudonyms,
      ReceiptSigner signer,
      Clock clock,
      OwnContent own,
      vn.ykien.opinion.internal.ContentSeal seal) {
    this.consultations = consultations;
    this.eligibility = eligibility;
    this.store = store;
    this.pseudonyms = pseudonyms;
    this.signer = signer;
    this.clock = clock;
    this.own = own;
    this.seal = seal;
  }

  /** The citizen's own history: revisions, withdrawals and receipts, oldest first. */
  @Transactional(readOnly = true)
  public OpinionHistory history(long consultationId, CitizenId citizen) {
    // Answers read in the draft's order, as the citizen gave them.
    java.util.Map<Long, Integer> position = new java.util.HashMap<>();
    List<vn.ykien.consultation.DraftItem> items = consultations.items(consultationId);
    for (int i = 0; i < items.size(); i++) {
      position.put(items.get(i).id(), i);
    }
    java.util.Comparator<Answer> inDraftOrder =
        java.util.Comparator.comparing(answer -> position.getOrDefault(answer.itemId(), Integer.MAX_VALUE));
    // The citizen's own copy is read before the stored history: if the mixer writes the latest
    // change in between, the history has it and the copy is not added twice (ADR 0004).
    OwnContent.Latest latest = own.latest(consultationId, citizen);
    List<OpinionHistory.Entry> entries =
        store.history(consultationId, pseudonyms.of(consultationId, citizen)).stream()
            .<OpinionHistory.Entry>map(
                stored ->
                    stored.withdrawal()
                        ? new OpinionHistory.Withdrawal(stored.revision(), stored.on())
                        : new OpinionHistory.Revision(
                            stored.revision(),
                            stored.on(),
                            stored.answers().stream().sorted(inDraftOrder).toList(),
                            stored.generalComment()))
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    int storedUpTo = entries.stream().mapToInt(OpinionHistory.Entry::revision).max().orElse(0);
    switch (latest) {
      case OwnContent.Pending pending when pending.content().revision() > storedUpTo ->
          entries.add(new OpinionHistory.Revision(
              pending.content().revision(),
              pending.content().day(),
              pending.content().answers().stream().sorted(inDraftOrder).toList(),
              pending.content().generalComment()));
      case OwnContent.PendingWithdrawal withdrawn when withdrawn.revision() > storedUpTo ->
          entries.add(new OpinionHistory.Withdrawal(withdrawn.revision(), withdrawn.day()));
      default -> {}
    }
    List<OpinionHistory.IssuedReceipt> receipts =
        store.receiptsOf(consultationId, citizen).stream()
            .map(
                stored ->
                    new OpinionHistory.IssuedReceipt(
                        signer.receipt(stored.number(), consultationId, stored.issuedAt()), stored.revokedAt()))
            .toList();
    return new OpinionHistory(entries, receipts);
  }

  /**
   * Withdraws the citizen's opinion: the current answers and general comment go (the history
   * keeps them), the participation ends and every receipt is revoked. A later submission in the
   * window makes them a participant again, as a new revision.
   */
  @Transactional
  public WithdrawalResult withdraw(WithdrawOpinion command) {
    Optional<Consultation> found = consultations.find(command.consultationId());
    if (found.isEmpty()) {
      return new WithdrawalResult.UnknownConsultation(command.consultationId());
    }
    Consultation consultation = found.get();
    EligibilityDecision decision =
        eligibility.decide(consultation, command.citizen(), command.signedInLevel());
    // Someone who moved away or had a birthday still owns what they sent; only the window and
    // the strength of the sign-in matter here.
    if (decision instanceof EligibilityDecision.Closed
        || decision instanceof EligibilityDecision.NotOpenYet
        || decision instanceof EligibilityDecision.LevelTooLow
        || decision instanceof EligibilityDecision.NoAccount
        || decision instanceof EligibilityDecision.NotActivated) {
      return new WithdrawalResult.NotAllowed(decision);
    }
    store.joinLogWriters();
    Optional<OpinionStore.Participation> participation =
        store.lockParticipation(consultation.id(), command.citizen());
    if (participation.isEmpty()) {
      return new WithdrawalResult.NothingToWithdraw();
    }
    Instant now = clock.instant();
    store.deleteParticipation(consultation.id(), command.citizen());
    // A retried request from before the withdrawal would otherwise find no participation to
    // replay against and collide with its own record.
    store.forgetIdempotent(consultation.id(), command.citizen());
    int revoked = store.revokeReceipts(consultation.id(), command.citizen(), now);
    byte[] pseudonym = pseudonyms.of(consultation.id(), command.citizen());
    int revision = store.nextChange(consultation.id(), command.citizen());
    LocalDate day = LocalDate.ofInstant(now, Consultation.ZONE);
    // The content side learns of it from the mixer, as of a submission (ADR 0004).
    store.recordWithdrawal(
        consultation.id(), command.citizen(), revision,
        seal.seal(vn.ykien.opinion.internal.Content.withdrawal(consultation.id(), pseudonym, revision, day).bytes()),
        day, now.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
    return new WithdrawalResult.Withdrawn(revision, revoked);
  }
}
