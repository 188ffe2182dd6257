package vn.ykien.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A level's daily snapshot: everyone whose participation began before the cut-off (and was not
 * withdrawn by then), per unit of the level and of the level below, frozen and signed.
 *
 * @param layout the names of the figures every unit's row holds, in order
 * @param digest SHA-256 over every unit's signed text, hex
 */
public record Snapshot(
    long id,
    long consultationId,
    Level level,
    LocalDate day,
    Instant cutOff,
    Instant takenAt,
    List<String> layout,
    int units,
    String digest) {

  public Snapshot {
    layout = List.copyOf(layout);
  }
}
