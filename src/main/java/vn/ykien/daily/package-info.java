/**
 * The daily reporting chain of the plans: at each level's cut-off, a frozen and signed snapshot of
 * every unit's participation, which the daily reports up the hierarchy, their printed copies and
 * the participation targets read — at communes and above with the opinions per item as the
 * release current then showed them — and the final summary report of a consultation, which adds
 * the comment themes of the latest release (results' public, protected figures, copied: nothing of
 * content is computed here). Reads the participation log and reporting's denominators; writes only its own schema
 * {@code daily}.
 */
@NullMarked
@ApplicationModule(
    displayName = "Daily reporting",
    allowedDependencies = {"shared", "units", "consultation", "opinion", "reporting", "registry", "identity", "results"})
package vn.ykien.daily;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
