package vn.ykien.daily;

import java.time.LocalDate;
import vn.ykien.units.Unit;

/**
 * Where a reminder goes besides the app (where it is always shown on the unit's report page): an
 * SMS gateway or Zalo OA adapter implements this and is picked up as a bean. None ships: the
 * platform does not hold officers' phone numbers.
 */
public interface ReminderChannel {

  /** Tells the officers of {@code unit} that their report of {@code day} is missing. */
  void remind(Unit unit, LocalDate day, String consultationSlug, String from);
}
