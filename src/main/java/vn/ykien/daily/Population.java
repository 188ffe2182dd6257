package vn.ykien.daily;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.ykien.registry.Membership;

/** Whom a participation target counts: every eligible resident, or the members of one organisation. */
public enum Population {
  ELIGIBLE(null),
  COMMUNE_STAFF(Membership.COMMUNE_STAFF),
  PARTY(Membership.PARTY),
  YOUTH_UNION(Membership.YOUTH_UNION),
  WOMEN_UNION(Membership.WOMEN_UNION),
  VETERANS(Membership.VETERANS),
  FARMERS_UNION(Membership.FARMERS_UNION),
  FATHERLAND_FRONT(Membership.FATHERLAND_FRONT),
  TRADE_UNION(Membership.TRADE_UNION);

  private final @Nullable Membership membership;

  Population(@Nullable Membership membership) {
    this.membership = membership;
  }

  public Optional<Membership> membership() {
    return Optional.ofNullable(membership);
  }

  /** The snapshot figure that counts this population's participants. */
  public String figure() {
    return membership == null ? SnapshotFigures.PEOPLE : "membership." + membership.name();
  }

  /** The population a name stands for (as a form or the API sends it), if any. */
  public static Optional<Population> named(@Nullable String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (Population population : values()) {
      if (population.name().equals(name.strip())) {
        return Optional.of(population);
      }
    }
    return Optional.empty();
  }
}
