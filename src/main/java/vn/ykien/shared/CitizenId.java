package vn.ykien.shared;

import java.util.regex.Pattern;

/** The 12-digit personal identification number of a Vietnamese citizen. */
public record CitizenId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[0-9]{12}");

  public CitizenId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("A citizen id has exactly 12 digits");
    }
  }

  public static CitizenId of(String value) {
    return new CitizenId(value);
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
