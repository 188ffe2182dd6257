/** The population registry (DC01): residents, households, e-ID accounts. */
@NullMarked
@ApplicationModule(displayName = "Population registry", allowedDependencies = {"shared", "units", "identity"})
package vn.ykien.registry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
