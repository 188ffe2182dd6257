@NullMarked
package vn.ykien.reporting.internal;

import org.jspecify.annotations.NullMarked;
