@NullMarked
package vn.ykien.daily.web;

import org.jspecify.annotations.NullMarked;
