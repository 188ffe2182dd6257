package vn.ykien.classification;

import org.jspecify.annotations.Nullable;
import vn.ykien.consultation.CitizenGroup.AgeBand;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Sex;

/** A citizen group to break results down by; null fields do not filter. */
public record ResultsFilter(@Nullable AgeBand age, @Nullable Sex sex, @Nullable Occupation occupation) {

  public static final ResultsFilter EVERYONE = new ResultsFilter(null, null, null);

  public boolean isEveryone() {
    return age == null && sex == null && occupation == null;
  }
}
