package vn.ykien.daily;

import java.time.Instant;

/** What confirming a unit's report of a day came to. */
public sealed interface Confirmation {

  /** Stored as this version (late or not: a late report is accepted, and marked late). */
  record Confirmed(DailyReport report) implements Confirmation {}

  /** The same lines were confirmed already (a second tap, a resent form): nothing new stored. */
  record AlreadyConfirmed(DailyReport report) implements Confirmation {}

  /** The report was confirmed with other lines: a correction is a new version, with its reason. */
  record ReasonRequired(DailyReport latest) implements Confirmation {}

  /** What was sent cannot be kept (message key of why); nothing stored. */
  record Invalid(String messageKey) implements Confirmation {}

  /** The figures are not frozen yet. */
  record NotFrozenYet(Instant cutOff) implements Confirmation {}

  /** The unit does not report daily. */
  record NotReporting() implements Confirmation {}
}
