package vn.ykien.daily;

/** How a unit's target is handed down to the units below it. */
public enum Split {
  /** Each unit below gets the same share of its own eligible (95 % of each commune's residents). */
  SAME_RATE,
  /** The people split evenly. */
  EVENLY,
  /** The people split in proportion to each unit's eligible at opening. */
  BY_ELIGIBLE,
  /** The people each unit gets, as given; they must add up to the target. */
  BY_HAND
}
