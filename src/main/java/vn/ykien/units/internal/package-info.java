@NullMarked
package vn.ykien.units.internal;

import org.jspecify.annotations.NullMarked;
