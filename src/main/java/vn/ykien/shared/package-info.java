/** Value types shared by every module: no beans, no behaviour beyond validation. */
@NullMarked
package vn.ykien.shared;

import org.jspecify.annotations.NullMarked;
