package vn.ykien.consultation;

import java.time.Instant;

/** The time a consultation accepts opinions: from {@code opens} (inclusive) to {@code closes}. */
public record Window(Instant opens, Instant closes) {

  public Window {
    if (!closes.isAfter(opens)) {
      throw new IllegalArgumentException("a window closes after it opens");
    }
  }

  public boolean isOpenAt(Instant now) {
    return !now.isBefore(opens) && now.isBefore(closes);
  }

  public boolean hasClosedAt(Instant now) {
    return !now.isBefore(closes);
  }
}
