/** Administrative units: a hierarchy of any depth, in editions, imported from data files. */
@NullMarked
@ApplicationModule(displayName = "Administrative units", allowedDependencies = {"shared"})
package vn.ykien.units;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
