package vn.ykien.registry;

import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;
import vn.ykien.shared.CitizenId;

/** A person in the population registry, living in a unit (the lowest one: village or group). */
public record Resident(
    CitizenId citizenId,
    String fullName,
    LocalDate birthDate,
    Sex sex,
    @Nullable Long householdId,
    long unitId,
    EidAccount eidAccount,
    @Nullable Occupation occupation,
    java.util.Set<Membership> memberships) {

  /** A resident as the older code paths create them: no occupation group, no memberships. */
  public Resident(
      CitizenId citizenId,
      String fullName,
      LocalDate birthDate,
      Sex sex,
      @Nullable Long householdId,
      long unitId,
      EidAccount eidAccount) {
    this(citizenId, fullName, birthDate, sex, householdId, unitId, eidAccount, null, java.util.Set.of());
  }

  public int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }
}
