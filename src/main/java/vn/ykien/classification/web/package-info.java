/** Analysts' pages: results of classified comments, in aggregate only. */
@NullMarked
package vn.ykien.classification.web;

import org.jspecify.annotations.NullMarked;
