package vn.ykien.opinion;

/** How an opinion reached the platform; every statistic can tell them apart. */
public enum Channel {
  /** The citizen alone, in the app or on the web. */
  SELF,
  /** Helped at a support point or a door; the citizen still signs in with their own e-ID. */
  ASSISTED,
  /** Entered by an officer from a signed paper form. */
  PAPER
}
