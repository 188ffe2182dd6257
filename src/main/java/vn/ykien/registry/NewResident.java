package vn.ykien.registry;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.ykien.shared.CitizenId;

/**
 * A resident to be added to the registry, in a household of the same unit.
 *
 * @param occupation the occupation group, or null when not known (e.g. young children)
 */
public record NewResident(
    CitizenId citizenId,
    String fullName,
    LocalDate birthDate,
    Sex sex,
    EidAccount eidAccount,
    @Nullable Occupation occupation,
    Set<Membership> memberships) {

  public NewResident {
    memberships = Set.copyOf(memberships);
  }

  /** Without occupation group or memberships. */
  public NewResident(CitizenId citizenId, String fullName, LocalDate birthDate, Sex sex, EidAccount eidAccount) {
    this(citizenId, fullName, birthDate, sex, eidAccount, null, Set.of());
  }

  /** Memberships as the import format writes them: names separated by {@code ;}, sorted. */
  public String membershipList() {
    return memberships.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(";"));
  }
}
