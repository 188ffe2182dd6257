package vn.ykien.registry;

/** The occupation group (đối tượng) a resident belongs to, as reports break results down. */
public enum Occupation {
  /** Học sinh, sinh viên. */
  STUDENT,
  /** Nông dân. */
  FARMER,
  /** Công nhân. */
  WORKER,
  /** Cán bộ, công chức, viên chức. */
  CIVIL_SERVANT,
  /** Lực lượng vũ trang. */
  ARMED_FORCES,
  /** Kinh doanh, doanh nhân. */
  BUSINESS,
  /** Trí thức. */
  INTELLECTUAL,
  /** Hưu trí. */
  RETIRED,
  OTHER
}
