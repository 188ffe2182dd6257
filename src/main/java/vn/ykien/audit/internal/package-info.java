@NullMarked
package vn.ykien.audit.internal;

import org.jspecify.annotations.NullMarked;
