/**
 * Citizens' opinions on the items of a draft. Participation (who took part) and content (what
 * was said) are stored apart; content only under a keyed pseudonym of the citizen. Every
 * submission and withdrawal is appended to the opinion log, which other modules follow in batches
 * ({@link vn.ykien.opinion.OpinionLogReader}); registry: the log names the citizen group's values.
 */
@NullMarked
@ApplicationModule(
    displayName = "Opinions",
    allowedDependencies = {"shared", "units", "registry", "consultation", "identity"})
package vn.ykien.opinion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
