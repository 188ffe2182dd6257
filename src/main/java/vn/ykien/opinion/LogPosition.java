package vn.ykien.opinion;

/**
 * A place in the opinion log: the writing transaction's id, then the row's id. A reader that has
 * applied every change up to a position applies next only what comes after it.
 */
public record LogPosition(long xid, long id) implements Comparable<LogPosition> {

  /** Before the first change. */
  public static final LogPosition START = new LogPosition(0, 0);

  @Override
  public int compareTo(LogPosition other) {
    int byXid = Long.compareUnsigned(xid, other.xid);
    return byXid != 0 ? byXid : Long.compare(id, other.id);
  }

  public boolean isBefore(LogPosition other) {
    return compareTo(other) < 0;
  }
}
