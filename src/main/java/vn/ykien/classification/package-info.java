/**
 * Understanding free-text comments in Vietnamese without a pretrained language model: text
 * normalisation, citations of the draft's articles, and (to come) article mapping, stance,
 * campaigns and themes. Pure functions first; wiring to stored opinions follows.
 */
@NullMarked
@ApplicationModule(displayName = "Classification", allowedDependencies = {"shared"})
package vn.ykien.classification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
