package vn.ykien.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.ykien.registry.EidAccount;
import vn.ykien.registry.Resident;
import vn.ykien.registry.Sex;
import vn.ykien.shared.CitizenId;
import vn.ykien.shared.Localized;

class EligibilityRulesTests {

  static final Instant OPENS = Instant.parse("2025-05-06T01:00:00Z");
  static final LocalDate OPENING_DAY = LocalDate.of(2025, 5, 6);
  static final Consultation CONSULTATION =
      new Consultation(
          1,
          "test",
          new Localized("t", "t"),
          new Localized("d", "d"),
          new Window(OPENS, OPENS.plus(23, ChronoUnit.DAYS)),
          null,
          14);
  static final Instant DURING = OPENS.plus(1, ChronoUnit.DAYS);

  static Resident residentBornOn(LocalDate birth, EidAccount account) {
    return new Resident(CitizenId.of("036085000001"), "Nguyễn Văn A", birth, Sex.M, null, 7, account);
  }

  static Resident adultWith(EidAccount account) {
    return residentBornOn(LocalDate.of(1985, 1, 1), account);
  }

  static EligibilityDecision decide(Resident resident, int tokenLevel, boolean inScope, Instant now) {
    return EligibilityRules.decide(CONSULTATION, Optional.of(resident), tokenLevel, inScope, now);
  }

  @Test
  void anAdultWithALevel2AccountMayTakePart() {
    assertThat(decide(adultWith(EidAccount.activated(2)), 2, true, DURING))
        .isEqualTo(
            new EligibilityDecision.Eligible(
                7, new CitizenGroup(CitizenGroup.AgeBand.FROM_35_TO_44, Sex.M, null)));
  }

  @Test
  void someoneWhoTurns14OnTheOpeningDayMayTakePart() {
    var resident = residentBornOn(OPENING_DAY.minusYears(14), EidAccount.activated(2));
    assertThat(decide(resident, 2, true, DURING).isEligible()).isTrue();
  }

  @Test
  void someoneWhoTurns14TheDayAfterOpeningIsTooYoungForTheWholeWindow() {
    var resident = residentBornOn(OPENING_DAY.minusYears(14).plusDays(1), EidAccount.activated(2));
    assertThat(decide(resident, 2, true, OPENS.plus(20, ChronoUnit.DAYS)))
        .isEqualTo(new EligibilityDecision.TooYoung(14));
  }

  @Test
  void aLevel1AccountIsNotEnough() {
    assertThat(decide(adultWith(EidAccount.activated(1)), 1, true, DURING))
        .isEqualTo(new EligibilityDecision.LevelTooLow(1));
  }

  @Test
  void aTokenAssertingLevel1IsNotEnoughEvenIfTheRegistrySaysLevel2() {
    assertThat(decide(adultWith(EidAccount.activated(2)), 1, true, DURING))
        .isInstanceOf(EligibilityDecision.LevelTooLow.class);
  }

  @Test
  void aRegisteredButNotActivatedAccountCannotTakePart() {
    assertThat(decide(adultWith(EidAccount.registered()), 2, true, DURING))
        .isInstanceOf(EligibilityDecision.NotActivated.class);
  }

  @Test
  void someoneWithoutAnAccountCannotTakePart() {
    assertThat(decide(adultWith(EidAccount.none()), 2, true, DURING))
        .isInstanceOf(EligibilityDecision.NoAccount.class);
  }

  @Test
  void someoneNotInTheRegistryCannotTakePart() {
    assertThat(EligibilityRules.decide(CONSULTATION, Optional.empty(), 2, false, DURING))
        .isInstanceOf(EligibilityDecision.NotInRegistry.class);
  }

  @Test
  void aResidentOutsideTheScopeCannotTakePart() {
    assertThat(decide(adultWith(EidAccount.activated(2)), 2, false, DURING))
        .isInstanceOf(EligibilityDecision.OutsideScope.class);
  }

  @Test
  void nobodyMayTakePartBeforeTheWindowOpens() {
    assertThat(decide(adultWith(EidAccount.activated(2)), 2, true, OPENS.minusSeconds(1)))
        .isInstanceOf(EligibilityDecision.NotOpenYet.class);
  }

  @Test
  void nobodyMayTakePartOnceTheWindowHasClosed() {
    Instant closes = CONSULTATION.window().closes();
    assertThat(decide(adultWith(EidAccount.activated(2)), 2, true, closes))
        .isInstanceOf(EligibilityDecision.Closed.class);
    assertThat(decide(adultWith(EidAccount.activated(2)), 2, true, closes.minusMillis(1)).isEligible())
        .isTrue();
  }
}
