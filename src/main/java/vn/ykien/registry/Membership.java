package vn.ykien.registry;

/** Organisations a resident belongs to; targets for staff and members are set on these. */
public enum Membership {
  /** Cán bộ, công chức xã. */
  COMMUNE_STAFF,
  /** Đảng viên. */
  PARTY,
  /** Đoàn Thanh niên. */
  YOUTH_UNION,
  /** Hội Liên hiệp Phụ nữ. */
  WOMEN_UNION,
  /** Hội Cựu chiến binh. */
  VETERANS,
  /** Hội Nông dân. */
  FARMERS_UNION,
  /** Mặt trận Tổ quốc. */
  FATHERLAND_FRONT,
  /** Công đoàn. */
  TRADE_UNION
}
