@NullMarked
package vn.ykien.demo.web;

import org.jspecify.annotations.NullMarked;
