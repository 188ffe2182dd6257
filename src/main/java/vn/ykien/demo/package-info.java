/**
 * The demo: on an empty database, loads administrative units (from the shared data set when
 * present, otherwise a built-in minimum), a commune with residential groups and a synthetic
 * population, named personas for each sign-in case, and the 2025 constitutional consultation.
 */
@NullMarked
@ApplicationModule(
    displayName = "Demo",
    allowedDependencies = {"shared", "units", "registry", "consultation", "opinion", "identity"})
package vn.ykien.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
