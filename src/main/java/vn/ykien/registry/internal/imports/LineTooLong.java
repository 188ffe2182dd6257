package vn.ykien.registry.internal.imports;

/**
 * A line (or cell) far longer than any population list has: the file is refused there, before it
 * can fill memory (e.g. gigabytes without a line break).
 */
final class LineTooLong extends RuntimeException {

  /** More than any real row (a few hundred characters), less than a memory problem. */
  static final int MAX_CHARS = 1 << 20;

  private final long line;

  LineTooLong(long line, Throwable cause) {
    super("line " + line + " is longer than " + MAX_CHARS + " characters", cause);
    this.line = line;
  }

  long line() {
    return line;
  }
}
