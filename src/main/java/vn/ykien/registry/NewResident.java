package vn.ykien.registry;

import java.time.LocalDate;
import vn.ykien.shared.CitizenId;

/** A resident to be added to the registry, in a household of the same unit. */
public record NewResident(
    CitizenId citizenId, String fullName, LocalDate birthDate, Sex sex, EidAccount eidAccount) {}
