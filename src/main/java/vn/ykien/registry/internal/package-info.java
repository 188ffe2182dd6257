@NullMarked
package vn.ykien.registry.internal;

import org.jspecify.annotations.NullMarked;
