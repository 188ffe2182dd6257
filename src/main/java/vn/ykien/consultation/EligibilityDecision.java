package vn.ykien.consultation;

/**
 * Whether a person may give an opinion in a consultation, and if not, why. Every outcome has a
 * message key whose text tells the citizen what to do next.
 */
public sealed interface EligibilityDecision {

  String messageKey();

  default boolean isEligible() {
    return this instanceof Eligible;
  }

  /** May take part; {@code group}: the coarse citizen group results are broken down by. */
  record Eligible(long unitId, CitizenGroup group) implements EligibilityDecision {
    @Override
    public String messageKey() {
      return "eligibility.eligible";
    }
  }

  record NotInRegistry() implements EligibilityDecision {
    @Override
    public String messageKey() {
      return "eligibility.notInRegistry";
    }
  }

  record NoAccount() implements EligibilityDecision {
    @Override
    public String messageKey() {
      return "eligibility.noAccount";
    }
  }

  record NotActivated() implements EligibilityDecision {
    @Override
    public String messageKey() {
      return "eligibility.notActivated";
    }
  }

  record LevelTooLow(int level) implements EligibilityDecision {
    @Override
    public String messageKey() {
      return "eligibility.levelTooLow";
    }
  }

  record TooYoung(int minimumAge) implements EligibilityDecision {
    @Override
    public String messageKey() {
      return "eligibility.tooYoung";
    }
  }

  record OutsideScope() implements EligibilityDecision {
    @Override
    public String messageKey() {
      return "eligibility.outsideScope";
    }
  }

  record NotOpenYet() implements EligibilityDecision {
    @Override
    public String messageKey() {
      return "eligibility.notOpenYet";
    }
  }

  record Closed() implements EligibilityDecision {
    @Override
    public String messageKey() {
      return "eligibility.closed";
    }
  }
}
