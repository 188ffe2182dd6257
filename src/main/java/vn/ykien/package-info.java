@NullMarked
package vn.ykien;

import org.jspecify.annotations.NullMarked;
