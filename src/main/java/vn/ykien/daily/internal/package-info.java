@NullMarked
package vn.ykien.daily.internal;

import org.jspecify.annotations.NullMarked;
