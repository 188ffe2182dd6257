/**
 * The audit trail: every time an official is shown a list of people, who, for which unit and when;
 * append-only and tamper-evident (a hash chain), readable by auditors within their subtree.
 */
@NullMarked
@ApplicationModule(
    displayName = "Audit trail",
    allowedDependencies = {"shared", "units", "identity"})
package vn.ykien.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
