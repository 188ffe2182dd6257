package vn.ykien.registry.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** One {@code COPY … FROM STDIN (FORMAT csv)} stream, written in 64 KB chunks. */
public final class CopyStream {

  private static final int FLUSH = 1 << 16;

  private final CopyIn copy;
  private final StringBuilder out = new StringBuilder(FLUSH * 2);

  public CopyStream(Connection connection, String copySql) throws SQLException {
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
  }

  /** A CSV field, quoted; null is an empty (NULL) field. */
  public static String quote(@Nullable String value) {
    if (value == null) {
      return "";
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** Adds one line (without its line end), sending a chunk when enough has gathered. */
  public void line(CharSequence line) throws SQLException {
    out.append(line).append('\n');
    if (out.length() > FLUSH) {
      flush();
    }
  }

  private void flush() throws SQLException {
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    out.setLength(0);
  }

  /** Sends what is left and ends the copy. */
  public void end() throws SQLException {
    flush();
    copy.endCopy();
  }

  /** Abandons the copy, so the connection can roll back. */
  public void cancel() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
