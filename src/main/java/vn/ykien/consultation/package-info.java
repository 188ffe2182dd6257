/** Consultations on drafts: the document item by item, the window, the scope, and who may take part. */
@NullMarked
@ApplicationModule(
    displayName = "Consultations",
    allowedDependencies = {"shared", "units", "registry"})
package vn.ykien.consultation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
