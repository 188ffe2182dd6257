package vn.ykien.units;

/**
 * Urban (a ward, phường, or before 1 July 2025 a township, thị trấn) or rural (a commune, xã, or a
 * special zone, đặc khu).
 */
public enum Settlement {
  URBAN,
  RURAL;

  /** The settlement of a commune-level unit from its category. */
  public static Settlement of(Unit commune) {
    return ofCategory(commune.category().vi());
  }

  /** The settlement of a commune-level unit from its Vietnamese category: "Phường", "Thị trấn" are urban. */
  public static Settlement ofCategory(String categoryVi) {
    return "Phường".equals(categoryVi) || "Thị trấn".equals(categoryVi) ? URBAN : RURAL;
  }

  public String messageKey() {
    return "units.settlement." + name();
  }
}
