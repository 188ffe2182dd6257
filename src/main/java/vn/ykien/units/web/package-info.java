/** Public geography of the units: outlines for maps. */
@NullMarked
package vn.ykien.units.web;

import org.jspecify.annotations.NullMarked;
