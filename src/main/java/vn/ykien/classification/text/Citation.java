package vn.ykien.classification.text;

import org.jspecify.annotations.Nullable;

/** A reference to an article of the law ("Điều 110"), and to one of its clauses if given. */
public record Citation(int article, @Nullable Integer clause) {}
