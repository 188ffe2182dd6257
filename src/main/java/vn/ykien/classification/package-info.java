/**
 * Understanding free-text comments in Vietnamese without a pretrained language model: which
 * items of the draft a comment concerns, its stance, the campaign it belongs to. Comments arrive
 * as opinion events and are classified apart from the submission; results leave this module as
 * aggregates only.
 */
@NullMarked
@ApplicationModule(displayName = "Classification", allowedDependencies = {"shared", "units", "registry", "consultation", "opinion", "identity"})
package vn.ykien.classification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
