/**
 * The daily reporting chain of the plans: at each level's cut-off, a frozen and signed snapshot of
 * every unit's participation (never content), which the daily reports up the hierarchy, their
 * printed copies and the participation targets read; and the final summary report of a
 * consultation, which adds the opinions per item and the comment themes as the latest release of
 * results published them (results' public, protected figures: nothing of content is computed
 * here). Reads the participation log and reporting's denominators; writes only its own schema
 * {@code daily}.
 */
@NullMarked
@ApplicationModule(
    displayName = "Daily reporting",
    allowedDependencies = {"shared", "units", "consultation", "opinion", "reporting", "registry", "identity", "results"})
package vn.ykien.daily;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
