package vn.ykien.units;

/** Urban (a ward, phường) or rural (a commune, xã, or a special zone, đặc khu). */
public enum Settlement {
  URBAN,
  RURAL;

  /** The settlement of a commune-level unit from its category ("Phường" is urban). */
  public static Settlement of(Unit commune) {
    return "Phường".equals(commune.category().vi()) ? URBAN : RURAL;
  }

  public String messageKey() {
    return "units.settlement." + name();
  }
}
