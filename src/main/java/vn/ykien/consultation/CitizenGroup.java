package vn.ykien.consultation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Resident;
import vn.ykien.registry.Sex;

/**
 * The coarse group a participant belongs to, as results are broken down "by citizen group": age
 * band at the window's opening, sex, and occupation group when the registry has it. Never more
 * precise than that: it travels with content, and results are shown only for groups of at least
 * ten people.
 */
public record CitizenGroup(AgeBand age, Sex sex, @Nullable Occupation occupation) {

  public enum AgeBand {
    UP_TO_30,
    FROM_31_TO_45,
    FROM_46_TO_60,
    OVER_60;

    public static AgeBand of(int age) {
      return age <= 30 ? UP_TO_30 : age <= 45 ? FROM_31_TO_45 : age <= 60 ? FROM_46_TO_60 : OVER_60;
    }
  }

  public static CitizenGroup of(Resident resident, LocalDate openingDay) {
    return new CitizenGroup(AgeBand.of(resident.ageOn(openingDay)), resident.sex(), resident.occupation());
  }
}
