package vn.ykien.opinion;

import org.jspecify.annotations.Nullable;

/**
 * How an opinion reached the platform, and who helped: the citizen alone, helped by an officer
 * (at a support point or at their door; the citizen still signs in with their own e-ID), or on a
 * signed paper form an officer entered. Recorded with the participation, never with the content.
 */
public sealed interface Assistance {

  Assistance SELF = new Self();

  Channel channel();

  /** The citizen alone, in the app or on the web. */
  record Self() implements Assistance {
    @Override
    public Channel channel() {
      return Channel.SELF;
    }
  }

  /** Helped by {@code official} (username) at {@code place}; the citizen signed in themselves. */
  record Helped(String official, String place) implements Assistance {
    @Override
    public Channel channel() {
      return Channel.ASSISTED;
    }
  }

  /**
   * Entered by {@code official} from the signed paper form numbered {@code reference}, collected
   * at {@code place} for the unit {@code unitId} (the person must live within it), and typed again
   * by a second officer, {@code confirmedBy}, before it counts (four eyes: {@link PaperForms}). One
   * paper form is entered once, and a paper form never replaces an opinion the person gave with
   * their e-ID.
   *
   * @param confirmedBy null on an entry not confirmed yet
   */
  record OnPaper(String official, String place, String reference, long unitId, @Nullable String confirmedBy)
      implements Assistance {

    /** An officer's entry of the form, before a second officer confirms it. */
    public OnPaper(String official, String place, String reference, long unitId) {
      this(official, place, reference, unitId, null);
    }

    @Override
    public Channel channel() {
      return Channel.PAPER;
    }
  }
}
