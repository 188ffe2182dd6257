@NullMarked
package vn.ykien.reporting.web;

import org.jspecify.annotations.NullMarked;
