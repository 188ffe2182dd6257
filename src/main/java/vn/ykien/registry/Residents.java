package vn.ykien.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ykien.shared.CitizenId;

/** Reads the registry. */
public interface Residents {

  Optional<Resident> find(CitizenId citizenId);

  List<Resident> find(Collection<CitizenId> citizenIds);

  /**
   * Residents with an activated level-2 account born on or before {@code bornOnOrBefore}, per
   * unit: the population that may take part in a consultation.
   */
  Map<Long, Long> countLevel2BornBy(Collection<Long> unitIds, LocalDate bornOnOrBefore);

  /** The same count for every unit of the registry, for a consultation open to the whole country. */
  Map<Long, Long> countLevel2BornByEverywhere(LocalDate bornOnOrBefore);

  long count();

  /** About {@code n} personal ids picked at random from the whole registry (for checks and benchmarks). */
  List<CitizenId> sample(int n);
}
