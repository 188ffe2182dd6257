@NullMarked
package vn.ykien.opinion.internal;

import org.jspecify.annotations.NullMarked;
