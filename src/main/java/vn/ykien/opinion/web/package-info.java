@NullMarked
package vn.ykien.opinion.web;

import org.jspecify.annotations.NullMarked;
