package vn.ykien.audit;

import java.util.List;
import vn.ykien.units.Unit;

/**
 * Reads the audit trail. Entries are written when an official is shown a list of people (the
 * identity module's {@code OfficialViewedPeople}), never changed or removed.
 */
public interface AuditTrail {

  /** The newest entries about this unit and the units below it, newest first. */
  List<AuditEntry> within(Unit unit, int limit);

  /** Recomputes the whole hash chain. */
  ChainCheck verify();
}
