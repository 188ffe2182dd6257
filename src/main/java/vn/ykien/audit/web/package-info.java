@NullMarked
package vn.ykien.audit.web;

import org.jspecify.annotations.NullMarked;
