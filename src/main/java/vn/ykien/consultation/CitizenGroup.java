package vn.ykien.consultation;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.ykien.registry.Membership;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Resident;
import vn.ykien.registry.Sex;

/**
 * The coarse group a participant belongs to, as results are broken down "by citizen group": age
 * band at the window's opening, sex, and occupation group when the registry has it; and, for
 * participation figures only, the organisations the person belongs to (targets are set on them).
 * Never more precise than that: results are shown only for groups of at least ten people.
 */
public record CitizenGroup(AgeBand age, Sex sex, @Nullable Occupation occupation, Set<Membership> memberships) {

  public CitizenGroup {
    memberships = memberships.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(memberships));
  }

  public CitizenGroup(AgeBand age, Sex sex, @Nullable Occupation occupation) {
    this(age, sex, occupation, Set.of());
  }

  /** Age bands as the national reports used them: under 18, 18–34, 35–44, 45–60, over 60. */
  public enum AgeBand {
    UNDER_18,
    FROM_18_TO_34,
    FROM_35_TO_44,
    FROM_45_TO_60,
    OVER_60;

    public static AgeBand of(int age) {
      return age < 18 ? UNDER_18 : age <= 34 ? FROM_18_TO_34 : age <= 44 ? FROM_35_TO_44 : age <= 60 ? FROM_45_TO_60 : OVER_60;
    }
  }

  /** The memberships as bits, in the order of {@link Membership}: how tallies key them. */
  public int membershipBits() {
    int bits = 0;
    for (Membership membership : memberships) {
      bits |= 1 << membership.ordinal();
    }
    return bits;
  }

  public static Set<Membership> membershipsOf(int bits) {
    Set<Membership> set = EnumSet.noneOf(Membership.class);
    for (Membership membership : Membership.values()) {
      if ((bits & (1 << membership.ordinal())) != 0) {
        set.add(membership);
      }
    }
    return set;
  }

  public static CitizenGroup of(Resident resident, LocalDate openingDay) {
    return new CitizenGroup(
        AgeBand.of(resident.ageOn(openingDay)), resident.sex(), resident.occupation(), resident.memberships());
  }
}
