package vn.ykien.consultation;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.ykien.registry.Resident;
import vn.ykien.registry.Residents;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/** The one place that decides whether a signed-in citizen may take part in a consultation. */
@Service
public class Eligibility {

  private final Residents residents;
  private final Units units;
  private final Clock clock;

  Eligibility(Residents residents, Units units, Clock clock) {
    this.residents = residents;
    this.units = units;
    this.clock = clock;
  }

  public EligibilityDecision decide(Consultation consultation, CitizenId citizen, int signedInLevel) {
    Optional<Resident> resident = residents.find(citizen);
    boolean inScope = resident.map(person -> livesInScope(consultation, person)).orElse(false);
    return EligibilityRules.decide(consultation, resident, signedInLevel, inScope, clock.instant());
  }

  /** Whether a signed paper form of this person may be entered: no e-ID account needed. */
  public EligibilityDecision decideOnPaper(Consultation consultation, CitizenId citizen) {
    Optional<Resident> resident = residents.find(citizen);
    boolean inScope = resident.map(person -> livesInScope(consultation, person)).orElse(false);
    return EligibilityRules.decideOnPaper(consultation, resident, inScope, clock.instant());
  }

  private boolean livesInScope(Consultation consultation, Resident resident) {
    Long scope = consultation.scopeUnitId();
    if (scope == null) {
      return true;
    }
    Optional<Unit> scopeUnit = units.find(scope);
    Optional<Unit> home = units.find(resident.unitId());
    return scopeUnit.isPresent() && home.isPresent() && scopeUnit.get().contains(home.get());
  }
}
