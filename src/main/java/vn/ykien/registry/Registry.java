package vn.ykien.registry;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.registry.internal.RegistryStore;

/** Writes to the registry: households with their members. */
@Service
public class Registry {

  private final RegistryStore store;

  Registry(RegistryStore store) {
    this.store = store;
  }

  /** Adds a household at an address in a unit; the first member is the head of household. */
  @Transactional
  public long addHousehold(long unitId, String address, List<NewResident> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a household has at least one member");
    }
    return store.addHousehold(unitId, address, members);
  }
}
