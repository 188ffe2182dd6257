package vn.ykien.audit;

import java.util.List;
import vn.ykien.units.Unit;

/**
 * Reads the audit trail. Entries are written when an official is shown a list of people (the
 * identity module's {@code OfficialViewedPeople}) or changes records about people ({@code
 * OfficialChangedRecords}), never changed or removed. Its head is signed and published daily.
 */
public interface AuditTrail {

  /** The newest entries about this unit and the units below it, newest first. */
  List<AuditEntry> within(Unit unit, int limit);

  /** Recomputes the whole hash chain and checks it against every head published so far. */
  default ChainCheck verify() {
    return verify(List.of());
  }

  /**
   * As {@link #verify()}, and against heads kept outside the database (copied from the public
   * page): the check that still holds when the database and its published heads were rewritten.
   */
  ChainCheck verify(List<PublishedHead> keptOutside);

  /** Every daily head published so far, newest first. */
  List<PublishedHead> publishedHeads();

  /** The public key that checks the heads' signatures (PEM). */
  String headKeyPem();
}
