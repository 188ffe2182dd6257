@NullMarked
package vn.ykien.identity.web;

import org.jspecify.annotations.NullMarked;
