package vn.ykien.registry;

/** State of a resident's national e-ID (VNeID) account. */
public enum EidState {
  NONE,
  /** Registered, not yet activated. */
  REGISTERED,
  ACTIVATED
}
