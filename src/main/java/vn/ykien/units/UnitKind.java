package vn.ykien.units;

/** The level of an administrative unit; which levels exist depends on the edition. */
public enum UnitKind {
  NATION,
  PROVINCE,
  DISTRICT,
  COMMUNE,
  /** Village, hamlet or urban residential group (thôn, xóm, tổ dân phố): below the commune. */
  VILLAGE
}
