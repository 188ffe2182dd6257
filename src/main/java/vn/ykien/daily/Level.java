package vn.ykien.daily;

import vn.ykien.units.UnitKind;

/** The levels that report every day, each at its own cut-off: what the plans call the daily chain. */
public enum Level {
  /** Residential groups and villages report to the commune (default 11:00). */
  VILLAGE(UnitKind.VILLAGE),
  /** Communes report to the province before 15:00. */
  COMMUNE(UnitKind.COMMUNE),
  /** Provinces report to the nation (default 17:00). */
  PROVINCE(UnitKind.PROVINCE),
  /** The nation's own summary (default 17:00). */
  NATION(UnitKind.NATION);

  private final UnitKind kind;

  Level(UnitKind kind) {
    this.kind = kind;
  }

  public UnitKind kind() {
    return kind;
  }

  /** The name of the level's setting ({@code ykien.daily.cut-off.commune}). */
  public String setting() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
