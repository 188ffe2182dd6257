package vn.ykien.audit;

import java.time.Instant;

/** One line of the audit trail: an official was shown a list of people. */
public record AuditEntry(
    long id,
    Instant at,
    String official,
    String list,
    String unitEdition,
    String unitCode,
    String detail,
    int people) {}
