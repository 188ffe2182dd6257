/**
 * Value types shared by every module, and small stateless helpers over them (QR codes, signing
 * keys): no beans.
 */
@NullMarked
package vn.ykien.shared;

import org.jspecify.annotations.NullMarked;
