package vn.ykien.daily;

import java.util.ArrayList;
import java.util.List;
import vn.ykien.consultation.CitizenGroup.AgeBand;
import vn.ykien.opinion.Channel;
import vn.ykien.registry.Membership;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Sex;

/**
 * The figures a snapshot keeps per unit, by name: people, then people per channel (always apart),
 * age band, sex, occupation group and membership ({@code NONE}: none given, or in none). A
 * person counts once in each breakdown except memberships, where they count in each of theirs.
 */
public final class SnapshotFigures {

  public static final String PEOPLE = "people";
  public static final String NONE = "NONE";

  /** Every figure's name, in the order a snapshot's rows hold them. */
  public static final List<String> LAYOUT = layout();

  private SnapshotFigures() {}

  /** The message key of a figure's label: the same words the participation pages use. */
  public static String messageKey(String name) {
    if (name.equals(PEOPLE)) {
      return "daily.figure.people";
    }
    return name.startsWith("membership.") ? "officials." + name : "results." + name;
  }

  private static List<String> layout() {
    List<String> names = new ArrayList<>();
    names.add(PEOPLE);
    for (Channel channel : Channel.values()) {
      names.add("channel." + channel.name());
    }
    for (AgeBand band : AgeBand.values()) {
      names.add("age." + band.name());
    }
    for (Sex sex : Sex.values()) {
      names.add("sex." + sex.name());
    }
    for (Occupation occupation : Occupation.values()) {
      names.add("occupation." + occupation.name());
    }
    names.add("occupation." + NONE);
    for (Membership membership : Membership.values()) {
      names.add("membership." + membership.name());
    }
    names.add("membership." + NONE);
    return List.copyOf(names);
  }
}
