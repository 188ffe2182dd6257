/**
 * What the consultation concluded: the share of each stance per item, per unit (commune and up)
 * and citizen group, published in releases with small cells and the cells that would give them
 * away hidden (complementary suppression over the whole table, and across releases). Reads
 * reporting's answer tallies; writes only figures that are public once released.
 */
@NullMarked
@ApplicationModule(
    displayName = "Results",
    allowedDependencies = {"shared", "units", "registry", "consultation", "opinion", "identity", "reporting", "classification"})
package vn.ykien.results;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
