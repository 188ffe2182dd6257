package vn.ykien.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import vn.ykien.registry.EidState;
import vn.ykien.registry.Resident;

/** The rules of who may take part, as a pure function of what is known. */
public final class EligibilityRules {

  private EligibilityRules() {}

  /**
   * @param signedInLevel the assurance level the e-ID token asserts
   * @param livesInScope whether the resident's unit lies within the consultation's scope
   */
  public static EligibilityDecision decide(
      Consultation consultation,
      Optional<Resident> resident,
      int signedInLevel,
      boolean livesInScope,
      Instant now) {
    return decide(consultation, resident, signedInLevel, livesInScope, now, true);
  }

  /**
   * The rules for a signed paper form entered by an officer: the same window, registry, age and
   * scope, but no e-ID account is needed (paper is for those without one).
   */
  public static EligibilityDecision decideOnPaper(
      Consultation consultation, Optional<Resident> resident, boolean livesInScope, Instant now) {
    return decide(consultation, resident, 0, livesInScope, now, false);
  }

  private static EligibilityDecision decide(
      Consultation consultation,
      Optional<Resident> resident,
      int signedInLevel,
      boolean livesInScope,
      Instant now,
      boolean eidRequired) {
    if (now.isBefore(consultation.window().opens())) {
      return new EligibilityDecision.NotOpenYet();
    }
    if (consultation.window().hasClosedAt(now)) {
      return new EligibilityDecision.Closed();
    }
    if (resident.isEmpty()) {
      return new EligibilityDecision.NotInRegistry();
    }
    Resident person = resident.get();
    var account = person.eidAccount();
    if (eidRequired) {
      if (account.state() == EidState.NONE) {
        return new EligibilityDecision.NoAccount();
      }
      if (account.state() == EidState.REGISTERED) {
        return new EligibilityDecision.NotActivated();
      }
      int level = Math.min(signedInLevel, account.level() == null ? 0 : account.level());
      if (level < 2) {
        return new EligibilityDecision.LevelTooLow(level);
      }
    }
    LocalDate openingDay = LocalDate.ofInstant(consultation.window().opens(), Consultation.ZONE);
    if (person.ageOn(openingDay) < consultation.minimumAge()) {
      return new EligibilityDecision.TooYoung(consultation.minimumAge());
    }
    if (!livesInScope) {
      return new EligibilityDecision.OutsideScope();
    }
    return new EligibilityDecision.Eligible(person.unitId(), CitizenGroup.of(person, openingDay));
  }
}
