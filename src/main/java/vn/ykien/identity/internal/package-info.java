@NullMarked
package vn.ykien.identity.internal;

import org.jspecify.annotations.NullMarked;
