@NullMarked
package vn.ykien.consultation.internal;

import org.jspecify.annotations.NullMarked;
