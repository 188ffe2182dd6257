package vn.ykien.opinion;

/** The answer on one item: tán thành / không tán thành. */
public enum Stance {
  APPROVE,
  DISAPPROVE
}
