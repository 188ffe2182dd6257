/** Results for the public, the drafting committee and officials: pages, the JSON API and CSV files. */
@NullMarked
package vn.ykien.results.web;

import org.jspecify.annotations.NullMarked;
