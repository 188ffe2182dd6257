/**
 * Who is signed in: citizens through their national e-ID (OpenID Connect), officials through
 * accounts scoped to a unit. In the demo profile, also a development e-ID provider.
 */
@NullMarked
@ApplicationModule(
    displayName = "Identity",
    allowedDependencies = {"shared", "units"})
package vn.ykien.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
