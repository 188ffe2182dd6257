/**
 * Participation and results for officials, built from opinion events into reporting's own
 * tables. Shows participation per unit; never what one person said. Its recount command also
 * rebuilds classification's tallies of comments.
 */
@NullMarked
@ApplicationModule(
    displayName = "Reporting",
    allowedDependencies = {"shared", "units", "registry", "consultation", "opinion", "identity", "classification"})
package vn.ykien.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
