@NullMarked
package vn.ykien.consultation.web;

import org.jspecify.annotations.NullMarked;
