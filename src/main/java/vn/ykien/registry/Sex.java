package vn.ykien.registry;

public enum Sex {
  M,
  F
}
