/**
 * Citizens' opinions on the items of a draft. Participation (who took part) and content (what
 * was said) are stored apart; content only under a keyed pseudonym of the citizen.
 */
@NullMarked
@ApplicationModule(
    displayName = "Opinions",
    allowedDependencies = {"shared", "units", "consultation", "identity"})
package vn.ykien.opinion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
